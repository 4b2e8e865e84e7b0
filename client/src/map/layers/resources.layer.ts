import { referencePointsLayer } from './reference-points.js';
import { resourceDetails, resourceFeature, resourcesLegend } from './resources.mapping.js';

/** 应急资源: rescue teams, warehouses, shelters, medical sites and fire stations of the city pack (reference data). */
export const resourcesLayer = referencePointsLayer({
  id: 'resources',
  items: (city) => city.resources,
  feature: resourceFeature,
  details: resourceDetails,
  legend: (ctx) => resourcesLegend(ctx.fmt),
  icon: ['concat', 'icon-', ['get', 'type']],
});
