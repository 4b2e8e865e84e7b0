import { computed, type ComputedRef } from 'vue';
import { fetchEvaluation } from './grid-api.js';
import type { GridState } from './grid-query.js';
import { evaluationSpan } from './period.js';
import { useLoad } from './useLoad.js';

/** The evaluation of the address's period and grouping: its span and the server's answer. */
export function useEvaluation(state: ComputedRef<Pick<GridState, 'period' | 'periodFrom' | 'periodTo' | 'by' | 'category'>>) {
  const span = computed(() => evaluationSpan(state.value.period, state.value.periodFrom, state.value.periodTo, new Date()));
  const load = useLoad(
    () => (span.value ? { span: span.value, by: state.value.by, category: state.value.category } : null),
    (k) => fetchEvaluation(k.span, k.by, k.category),
  );
  return { span, ...load };
}
