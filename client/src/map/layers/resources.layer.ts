import { resourceUsage } from '../../../../shared/domain/dispatch.js';
import { useDispatchStore } from '../../stores/streams.js';
import { useReferenceStore } from '../../stores/reference.js';
import { COMMITTED_COLOR } from '../palette.js';
import { referencePointsLayer } from './reference-points.js';
import { resourceDetails, resourceFeature, resourcesLegend } from './resources.mapping.js';

/**
 * 应急资源: rescue teams, warehouses, shelters, medical sites and fire stations of the city pack,
 * each resource that has something committed (a team out, stock issued, a shelter open) ringed,
 * with what is committed and free in its popup — from the live dispatch assignments of the
 * map's mode (a drill's never show on the real map).
 */
export const resourcesLayer = referencePointsLayer({
  id: 'resources',
  items: (city) => city.resources,
  feature: resourceFeature,
  details: resourceDetails,
  legend: (ctx) => resourcesLegend(ctx.fmt),
  icon: ['concat', 'icon-', ['get', 'type']],
  topic: 'dispatch',
  state: (mode) => {
    const store = useDispatchStore();
    return resourceUsage(useReferenceStore().city?.resources ?? [], (mode === 'drill' ? store.drill : store.real).values(), mode === 'drill');
  },
  under: (source) => [
    {
      id: 'resources-committed',
      type: 'circle',
      source,
      filter: ['==', ['get', 'committed'], true],
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 11, 14, 19], 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': COMMITTED_COLOR, 'circle-stroke-width': 3 },
    },
  ],
});
