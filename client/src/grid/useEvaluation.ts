import { computed, type ComputedRef } from 'vue';
import { fetchEvaluation, type GridWindow } from './grid-api.js';
import type { GridState } from './grid-query.js';
import { calendarPeriodOf, evaluationSpan } from './period.js';
import { useLoad } from './useLoad.js';

/** The evaluation of the address's period, grouping and data (real or drill): its window and the server's answer. */
export function useEvaluation(state: ComputedRef<Pick<GridState, 'period' | 'periodFrom' | 'periodTo' | 'by' | 'category' | 'drill'>>) {
  const range = computed<GridWindow | null>(() => {
    const now = new Date();
    const span = evaluationSpan(state.value.period, state.value.periodFrom, state.value.periodTo, now);
    return span && { span, period: calendarPeriodOf({ period: state.value.period }, now), exercise: state.value.drill };
  });
  const load = useLoad(
    () => (range.value ? { window: range.value, by: state.value.by, category: state.value.category } : null),
    (k) => fetchEvaluation(k.window, k.by, k.category),
  );
  return { range, ...load };
}
