import { computed, ref, type ComputedRef, type Ref, type ShallowRef } from 'vue';
import type { HeatmapAnswer, HeatmapResolution } from '../../../shared/contracts/evaluation.js';
import { fetchHeatmap, type GridWindow } from './grid-api.js';
import type { GridState } from './grid-query.js';
import { calendarPeriodOf, windowSpan } from './period.js';
import { useLoad } from './useLoad.js';

/**
 * The heatmap of the address's metric, window, district and category at the map's resolution:
 * the window it covers (taken when the choice changes), real or drill data, and the server's answer.
 */
export function useHeatmap(state: ComputedRef<GridState>): {
  range: ComputedRef<GridWindow | null>;
  resolution: Ref<HeatmapResolution>;
  answer: ShallowRef<HeatmapAnswer | null>;
  failure: Ref<string | null>;
  loading: Ref<boolean>;
} {
  const resolution = ref<HeatmapResolution>(8);
  const choice = computed(() => ({ window: state.value.window, month: state.value.month, from: state.value.from, to: state.value.to }));
  // A new Date only when the choice changes: the window is "the last 7 days" as of the choice.
  const range = computed<GridWindow | null>(() => {
    const now = new Date();
    const span = windowSpan(choice.value, now);
    return span && { span, period: calendarPeriodOf(choice.value, now), exercise: state.value.drill };
  });
  const { data, failure, loading } = useLoad(
    () => (range.value ? { window: range.value, metric: state.value.metric, resolution: resolution.value, district: state.value.district, category: state.value.category } : null),
    fetchHeatmap,
  );
  return { range, resolution, answer: data, failure, loading };
}
