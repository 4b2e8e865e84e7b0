import { computed, ref, type ComputedRef, type Ref, type ShallowRef } from 'vue';
import type { HeatmapAnswer, HeatmapResolution } from '../../../shared/contracts/evaluation.js';
import { fetchHeatmap } from './grid-api.js';
import type { GridState } from './grid-query.js';
import { windowSpan, type Span } from './period.js';
import { useLoad } from './useLoad.js';

/**
 * The heatmap of the address's metric, window, district and category at the map's resolution:
 * the span the window covers (taken when the choice changes) and the server's answer.
 */
export function useHeatmap(state: ComputedRef<GridState>): {
  span: ComputedRef<Span | null>;
  resolution: Ref<HeatmapResolution>;
  answer: ShallowRef<HeatmapAnswer | null>;
  failure: Ref<string | null>;
  loading: Ref<boolean>;
} {
  const resolution = ref<HeatmapResolution>(8);
  const choice = computed(() => ({ window: state.value.window, month: state.value.month, from: state.value.from, to: state.value.to }));
  // A new Date only when the choice changes: the window is "the last 7 days" as of the choice.
  const span = computed(() => windowSpan(choice.value, new Date()));
  const { data, failure, loading } = useLoad(
    () => (span.value ? { span: span.value, metric: state.value.metric, resolution: resolution.value, district: state.value.district, category: state.value.category } : null),
    fetchHeatmap,
  );
  return { span, resolution, answer: data, failure, loading };
}
