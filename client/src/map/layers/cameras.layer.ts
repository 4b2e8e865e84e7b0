import { CAMERA_COLOR } from '../palette.js';
import { iconName } from '../icons.js';
import { referencePointsLayer } from './reference-points.js';
import { cameraDetails, cameraFeature } from './resources.mapping.js';

/** 视频监控: the city pack's cameras (reference data), a camera badge distinct from the round resource badges. */
export const camerasLayer = referencePointsLayer({
  id: 'cameras',
  items: (city) => city.cameras,
  feature: cameraFeature,
  details: cameraDetails,
  legend: (ctx) => [{ label: ctx.fmt.t('map.layers.cameras'), color: CAMERA_COLOR, shape: 'circle' }],
  icon: iconName('camera'),
});
