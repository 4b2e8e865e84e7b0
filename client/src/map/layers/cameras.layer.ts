import { CAMERA_COLOR } from '../palette.js';
import { referencePointsLayer } from './reference-points.js';
import { cameraDetails, cameraFeature } from './resources.mapping.js';

/** 视频监控: the city pack's cameras (reference data), small so they do not drown the live layers. */
export const camerasLayer = referencePointsLayer({
  id: 'cameras',
  items: (city) => city.cameras,
  feature: cameraFeature,
  details: cameraDetails,
  legend: (ctx) => [{ label: ctx.fmt.t('map.layers.cameras'), color: CAMERA_COLOR, shape: 'circle' }],
  paint: { 'circle-color': CAMERA_COLOR, 'circle-radius': 4, 'circle-stroke-color': '#04101f', 'circle-stroke-width': 1.5 },
});
