import { computed } from 'vue';
import type { Assignment } from '../../../shared/schemas/dispatch.js';
import { ledgerTotal } from '../../../shared/domain/dispatch.js';
import { useReferenceStore } from '../stores/reference.js';

/**
 * How much of an assignment's item its resource holds in all, from the city pack (a shelter's
 * capacity, a team's people, a warehouse's stock), or undefined before the pack has loaded.
 */
export function useAssignmentTotal(): (a: Pick<Assignment, 'resourceId' | 'item'>) => number | undefined {
  const reference = useReferenceStore();
  const resources = computed(() => new Map((reference.city?.resources ?? []).map((r) => [r.id, r])));
  return (a) => {
    const r = resources.value.get(a.resourceId);
    return r ? (ledgerTotal(r, a.item) ?? undefined) : undefined;
  };
}
