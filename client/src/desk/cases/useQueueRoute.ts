import { computed, onBeforeUnmount, shallowRef, type ComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { QueueFilter, QueueSort } from '../../model/cases/case-queue.js';
import { DEFAULT_QUEUE, queueFromQuery, queueToQuery, sameQueue, type QueueState } from './queue-query.js';

/** The longest a choice waits for the queue's answer before its address is written anyway. */
export const ADDRESS_WAIT_MS = 1000;
/** How long after the answer's frame the address is written: past that frame's raster and draw in the GPU process. */
export const ADDRESS_AFTER_PAINT_MS = 100;

/**
 * The queue's filter and sort, kept in the address (shareable; back and forward step through
 * them). A choice pushes a history entry; typing in the search box replaces it, so a word is
 * one step back, not one per letter.
 *
 * A choice is the queue's state at once (the worker is asked in the same task), but its
 * address is written only after the answer is shown — {@link settle}, which the queue calls
 * once it has painted an answer — or after {@link ADDRESS_WAIT_MS} without one: the router's
 * history calls (`replaceState` + `pushState`, and the browser process's work on them) stay
 * off the path from the click to the answer. A second choice before that writes the first
 * one's entry right after asking for its own answer, so each choice is still one step back.
 */
export function useQueueRoute(): {
  state: ComputedRef<QueueState>;
  setFilter(patch: Partial<QueueFilter>, opts?: { replace?: boolean }): Promise<unknown>;
  setSort(sort: QueueSort): Promise<unknown>;
  clear(): Promise<unknown>;
  /** A choice is waiting for its answer to be shown before its address is written. */
  pending: ComputedRef<boolean>;
  /** The queue has shown the answer to the latest choice: write its address now. */
  settle(): void;
} {
  const route = useRoute();
  const router = useRouter();
  /** The choice made but not yet in the address: how to write it, on which page, whether that has begun. */
  type Choice = { state: QueueState; replace: boolean; path: string; written: boolean; done: () => void };
  const chosen = shallowRef<Choice | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The same state as an equal object: a choice reaching the address changes nothing downstream.
  const state = computed<QueueState>((prev) => {
    const next = chosen.value?.state ?? queueFromQuery(route.query);
    return prev && sameQueue(prev, next) ? prev : next;
  });

  /** Writes a choice's address once, unless the officer has left the page meanwhile; the choice stays the state until then. */
  function write(c: Choice) {
    if (c.written) return;
    c.written = true;
    const finish = () => {
      if (chosen.value === c) chosen.value = null;
      c.done();
    };
    if (route.path !== c.path) return finish();
    const query = queueToQuery(c.state, route.query);
    void (c.replace ? router.replace({ query }) : router.push({ query })).finally(finish);
  }
  function settle() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (chosen.value) write(chosen.value);
  }
  const go = (next: QueueState, replace = false) =>
    new Promise<void>((done) => {
      const before = chosen.value;
      chosen.value = { state: next, replace, path: route.path, written: false, done };
      // After the watchers this change queued (the worker is asked first).
      if (before) queueMicrotask(() => write(before));
      if (timer) clearTimeout(timer);
      timer = setTimeout(settle, ADDRESS_WAIT_MS);
    });
  onBeforeUnmount(settle);
  return {
    state,
    setFilter: (patch, opts) => go({ ...state.value, filter: { ...state.value.filter, ...patch } }, opts?.replace),
    setSort: (sort) => go({ ...state.value, sort }),
    clear: () => go({ ...DEFAULT_QUEUE, filter: { stage: state.value.filter.stage } }),
    pending: computed(() => chosen.value !== null),
    settle,
  };
}
