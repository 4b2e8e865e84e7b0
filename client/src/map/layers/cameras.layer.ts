import { CAMERA_COLOR } from '../palette.js';
import { addSourceGroup, type SourceGroup } from './glue.js';
import { cameraDetails, cameraFeature } from './resources.mapping.js';
import type { MapLayerDefinition } from './types.js';

const SOURCE = 'cameras';
const DOTS = 'cameras-dot';

/** 视频监控: the city pack's cameras (reference data), small so they do not drown the live layers. */
export const camerasLayer: MapLayerDefinition = {
  id: 'cameras',
  titleKey: 'map.layers.cameras',
  defaultOptions: {},
  topic: null,
  sources: [],
  create(map, ctx) {
    const byId = new Map(ctx.city.cameras.map((c) => [c.id, c]));
    let group: SourceGroup | null = null;
    return {
      interactive: [DOTS],
      init() {
        group = addSourceGroup(map, SOURCE, { type: 'FeatureCollection', features: ctx.city.cameras.map(cameraFeature) }, [
          {
            id: DOTS, type: 'circle', source: SOURCE,
            paint: { 'circle-color': CAMERA_COLOR, 'circle-radius': 4, 'circle-stroke-color': '#04101f', 'circle-stroke-width': 1.5 },
          },
        ], { beforeId: ctx.beforeId });
      },
      update: () => undefined,
      setVisible: (v) => group?.setVisible(v),
      dispose() {
        group?.remove();
        group = null;
      },
      click(feature) {
        const c = byId.get(String(feature.properties.id));
        return c ? cameraDetails(c, ctx.fmt) : null;
      },
      legend: () => [{ label: ctx.fmt.t('map.layers.cameras'), color: CAMERA_COLOR, shape: 'circle' }],
      count: () => byId.size,
    };
  },
};
