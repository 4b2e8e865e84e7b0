import { addSourceGroup, type SourceGroup } from './glue.js';
import { resourceDetails, resourceFeature, resourcesLegend } from './resources.mapping.js';
import type { MapLayerDefinition } from './types.js';

const SOURCE = 'resources';
const DOTS = 'resources-dot';

/** 应急资源: rescue teams, warehouses, shelters, medical sites and fire stations of the city pack (reference data). */
export const resourcesLayer: MapLayerDefinition = {
  id: 'resources',
  titleKey: 'map.layers.resources',
  defaultOptions: {},
  topic: null,
  sources: [],
  create(map, ctx) {
    const byId = new Map(ctx.city.resources.map((r) => [r.id, r]));
    let group: SourceGroup | null = null;
    return {
      interactive: [DOTS],
      init() {
        group = addSourceGroup(map, SOURCE, { type: 'FeatureCollection', features: ctx.city.resources.map(resourceFeature) }, [
          {
            id: DOTS, type: 'circle', source: SOURCE,
            paint: { 'circle-color': ['get', 'color'], 'circle-radius': 6, 'circle-stroke-color': '#04101f', 'circle-stroke-width': 2 },
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
        const r = byId.get(String(feature.properties.id));
        return r ? resourceDetails(r, ctx.fmt) : null;
      },
      legend: () => resourcesLegend(ctx.fmt),
      count: () => byId.size,
    };
  },
};
