import { computed, shallowRef, type Ref, type ShallowRef } from 'vue';
import { useCaseView } from '../../composables/useCaseView.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import type { ViewData, ViewSpec } from '../../live/protocol.js';
import type { StageCounts } from '../../model/cases/case-queue.js';
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

/** The queue as the list shows it: a window of its cases (`rows[0]` at position `offset`), its length and the counts per stage. */
export interface QueueWindow {
  offset: number;
  rows: GridCase[];
  total: number;
  counts: StageCounts;
}

/**
 * The window a post describes: its ids in order, each case the post carries (it changed, or
 * it is new to the window), else the object the page already shows — kept as it is, so Vue
 * skips that row's render: one changed case re-renders one row.
 */
export function windowOf(before: readonly GridCase[], post: ViewData['case-queue']): QueueWindow {
  const held = new Map(before.map((c) => [c.id, c]));
  for (const c of post.changed) held.set(c.id, c);
  return { offset: post.offset, rows: post.ids.map((id) => held.get(id)!), total: post.total, counts: post.counts };
}

/**
 * Watches the worker's `case-queue` view for the queue's state and the rows the list shows
 * (`visible`: the first and last index on screen): the worker filters and sorts every case
 * and posts only that window — of it only the cases that changed — its total and the
 * per-stage counts. The spec is compared as text, so a scroll within the window or a
 * re-render asks the worker nothing.
 */
export function useQueueView(mode: Ref<DataMode>, state: Ref<QueueState>, visible: Ref<[number, number]>): ShallowRef<QueueWindow | null> {
  const data = shallowRef<QueueWindow | null>(null);
  const key = computed(() => JSON.stringify({ mode: mode.value, ...state.value, ...windowFor(...visible.value) }));
  useCaseView(
    () => ({ kind: 'case-queue', ...(JSON.parse(key.value) as Omit<QueueSpec, 'kind'>) }),
    (post) => (data.value = windowOf(data.value?.rows ?? [], post)),
  );
  return data;
}
