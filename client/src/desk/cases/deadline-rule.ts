import { computed } from 'vue';
import type { DeadlineClock } from '../../../../shared/domain/work-calendar.js';
import type { CaseCategory } from '../../../../shared/schemas/city-pack.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { useReferenceStore } from '../../stores/reference.js';

/** What a case's deadline was counted from: its category's hours on the category's clock. */
export interface DeadlineRule {
  hours: number;
  clock: DeadlineClock;
}

/**
 * The rule behind a case's deadline, or null when there is none to tell: no deadline yet, an
 * unknown category, or a due time a 督办 set (that one is a moment, on no clock). `rules` holds
 * one rule per category code, so a case's rule is the same object from call to call (a queue
 * row given it as a prop does not re-render for a new but equal one).
 */
export function deadlineRule(c: Pick<GridCase, 'category' | 'deadlineAt' | 'supervised'>, rules: ReadonlyMap<string, DeadlineRule>): DeadlineRule | null {
  if (!c.deadlineAt || c.supervised) return null;
  return rules.get(c.category) ?? null;
}

/** {@link deadlineRule} over the city's categories from the reference store. */
export function useDeadlineRule(): (c: Pick<GridCase, 'category' | 'deadlineAt' | 'supervised'>) => DeadlineRule | null {
  const reference = useReferenceStore();
  const rules = computed(() => new Map((reference.city?.categories ?? []).map((k: Pick<CaseCategory, 'code' | 'deadlineHours' | 'clock'>) => [k.code, { hours: k.deadlineHours, clock: k.clock }])));
  return (c) => deadlineRule(c, rules.value);
}
