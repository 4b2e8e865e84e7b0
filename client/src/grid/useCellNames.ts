import { cellToLatLng } from 'h3-js';
import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { useViewerScope } from '../composables/useViewerScope.js';
import { useReferenceStore } from '../stores/reference.js';
import { districtLandmarks, nearestLandmark } from '../widgets/DistrictRanking/cell-names.js';

/**
 * A cell's name as people read it: after the nearest landmark of the viewer's districts
 * ("岗列农贸市场一带"), with the end of its H3 index to tell neighbours apart.
 */
export function useCellNames(): ComputedRef<(cell: string) => string> {
  const { t } = useI18n();
  const reference = useReferenceStore();
  const scope = useViewerScope();
  const landmarks = computed(() => {
    const city = reference.city;
    if (!city) return [];
    const districts = scope.districts.value ?? city.manifest.districts.map((d) => d.adcode);
    return districts.flatMap((d) => districtLandmarks(city, d));
  });
  return computed(() => {
    const marks = landmarks.value;
    return (cell: string) => {
      const [lat, lon] = cellToLatLng(cell);
      const near = nearestLandmark(marks, { lon, lat });
      const tail = cell.replace(/f+$/, '').slice(-4);
      return near ? `${t('widgets.districtRanking.near', { place: near })} · ${tail}` : cell;
    };
  });
}
