import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { QueueFilter, QueueSort } from '../../model/cases/case-queue.js';
import { DEFAULT_QUEUE, queueFromQuery, queueToQuery, type QueueState } from './queue-query.js';

/**
 * The queue's filter and sort, kept in the address (shareable; back and forward step through
 * them). A choice pushes a history entry; typing in the search box replaces it, so a word is
 * one step back, not one per letter.
 */
export function useQueueRoute(): {
  state: ComputedRef<QueueState>;
  setFilter(patch: Partial<QueueFilter>, opts?: { replace?: boolean }): Promise<unknown>;
  setSort(sort: QueueSort): Promise<unknown>;
  clear(): Promise<unknown>;
} {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => queueFromQuery(route.query));
  const go = (next: QueueState, replace = false) => {
    const query = queueToQuery(next, route.query);
    return replace ? router.replace({ query }) : router.push({ query });
  };
  return {
    state,
    setFilter: (patch, opts) => go({ ...state.value, filter: { ...state.value.filter, ...patch } }, opts?.replace),
    setSort: (sort) => go({ ...state.value, sort }),
    clear: () => go({ ...DEFAULT_QUEUE, filter: { stage: state.value.filter.stage } }),
  };
}
