import { referencePointsLayer } from './reference-points.js';
import { resourceDetails, resourceFeature, resourcesLegend } from './resources.mapping.js';

/** 应急资源: rescue teams, warehouses, shelters, medical sites and fire stations of the city pack (reference data). */
export const resourcesLayer = referencePointsLayer({
  id: 'resources',
  items: (city) => city.resources,
  feature: resourceFeature,
  details: resourceDetails,
  legend: (ctx) => resourcesLegend(ctx.fmt),
  paint: { 'circle-color': ['get', 'color'], 'circle-radius': 6, 'circle-stroke-color': '#04101f', 'circle-stroke-width': 2 },
});
