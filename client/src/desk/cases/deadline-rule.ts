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
 * unknown category, or a due time a 督办 set (that one is a moment, on no clock).
 */
export function deadlineRule(c: Pick<GridCase, 'category' | 'deadlineAt' | 'supervised'>, categories: ReadonlyMap<string, Pick<CaseCategory, 'deadlineHours' | 'clock'>>): DeadlineRule | null {
  const category = categories.get(c.category);
  if (!c.deadlineAt || c.supervised || !category) return null;
  return { hours: category.deadlineHours, clock: category.clock };
}

/** {@link deadlineRule} over the city's categories from the reference store. */
export function useDeadlineRule(): (c: Pick<GridCase, 'category' | 'deadlineAt' | 'supervised'>) => DeadlineRule | null {
  const reference = useReferenceStore();
  const categories = computed(() => new Map((reference.city?.categories ?? []).map((k) => [k.code, k])));
  return (c) => deadlineRule(c, categories.value);
}
