import { computed, shallowRef, type Ref, type ShallowRef } from 'vue';
import { useCaseView } from '../../composables/useCaseView.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import type { ViewData, ViewSpec } from '../../live/protocol.js';
import type { DataMode } from '../../stores/topic-store.js';
import type { QueueState } from './queue-query.js';

type QueueSpec = Extract<ViewSpec, { kind: 'case-queue' }>;

/** Rows asked for beyond what the list shows, and the step a window moves by (so a scroll of a few rows asks nothing new). */
const STEP = 20;

/** The window of rows `first` … `last` are in: whole steps, a step of margin on each side. */
export function windowFor(first: number, last: number): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(first / STEP) * STEP - STEP);
  const end = Math.floor(Math.max(first, last) / STEP) * STEP + 2 * STEP;
  return { offset, limit: end - offset };
}

/**
 * The posted rows, with each case that did not change since the last post replaced by the
 * object the page already shows: every post arrives as new objects (a structured clone), and
 * an unchanged object lets Vue skip that row's render — one changed case re-renders one row.
 */
export function keepUnchanged(before: readonly GridCase[], after: GridCase[]): GridCase[] {
  const shown = new Map(before.map((c) => [c.id, c]));
  return after.map((c) => {
    const old = shown.get(c.id);
    return old && old.version === c.version && old.updatedAt === c.updatedAt ? old : c;
  });
}

/**
 * Watches the worker's `case-queue` view for the queue's state and the rows the list shows
 * (`visible`: the first and last index on screen): the worker filters and sorts every case
 * and posts only that window, its total and the per-stage counts. The spec is compared as
 * text, so a scroll within the window or a re-render asks the worker nothing.
 */
export function useQueueView(mode: Ref<DataMode>, state: Ref<QueueState>, visible: Ref<[number, number]>): ShallowRef<ViewData['case-queue'] | null> {
  const data = shallowRef<ViewData['case-queue'] | null>(null);
  const key = computed(() => JSON.stringify({ mode: mode.value, ...state.value, ...windowFor(...visible.value) }));
  useCaseView(
    () => ({ kind: 'case-queue', ...(JSON.parse(key.value) as Omit<QueueSpec, 'kind'>) }),
    (d) => (data.value = { ...d, rows: keepUnchanged(data.value?.rows ?? [], d.rows) }),
  );
  return data;
}
