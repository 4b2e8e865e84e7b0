import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { caseSource, caseStatus } from '../../../../shared/schemas/grid-event.js';
import type { QueueFilter, QueueSort, QueueStage } from '../../model/cases/case-queue.js';

/** The queue's filter and sort: what the address keeps, so a view can be shared. */
export interface QueueState {
  filter: QueueFilter;
  sort: QueueSort;
}

/** The desk opens on every open case, the nearest deadline first. */
export const DEFAULT_QUEUE: QueueState = { filter: { stage: 'open' }, sort: { by: 'deadline', order: 'asc' } };

/** The query keys the queue owns; every other key (`case`, `drill`, `lang` …) is left as it is. */
const KEYS = ['stage', 'category', 'district', 'source', 'overdue', 'assignee', 'supervised', 'q', 'sort', 'order'] as const;

const one = (v: LocationQuery[string] | undefined): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s : undefined;
};
const text = (v: LocationQuery[string] | undefined) => {
  const s = one(v);
  return s === undefined || s === '' ? undefined : s.slice(0, 200);
};

function stageOf(v: string | undefined): QueueStage {
  if (v === 'all' || v === 'open') return v;
  const s = caseStatus.safeParse(v);
  return s.success ? s.data : DEFAULT_QUEUE.filter.stage;
}

/** The queue as an address describes it; anything unknown falls back to the default, never fails. */
export function queueFromQuery(q: LocationQuery): QueueState {
  const source = caseSource.safeParse(one(q.source));
  const assignee = one(q.assignee);
  const filter: QueueFilter = { stage: stageOf(one(q.stage)) };
  const category = text(q.category);
  const district = text(q.district);
  const search = text(q.q);
  if (category) filter.category = category;
  if (district) filter.district = district;
  if (source.success) filter.source = source.data;
  if (one(q.overdue) === '1') filter.overdue = true;
  if (assignee !== undefined) filter.assignee = assignee.slice(0, 100);
  if (one(q.supervised) === '1') filter.supervised = true;
  if (search) filter.q = search;
  return {
    filter,
    sort: { by: one(q.sort) === 'reported' ? 'reported' : 'deadline', order: one(q.order) === 'desc' ? 'desc' : 'asc' },
  };
}

/** The address of a queue state: `current`'s other keys kept, the defaults left out so a plain desk has a plain address. */
export function queueToQuery(state: QueueState, current: LocationQuery): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  for (const [k, v] of Object.entries(current)) if (!(KEYS as readonly string[]).includes(k)) out[k] = v;
  const { filter: f, sort } = state;
  if (f.stage !== DEFAULT_QUEUE.filter.stage) out.stage = f.stage;
  if (f.category) out.category = f.category;
  if (f.district) out.district = f.district;
  if (f.source) out.source = f.source;
  if (f.overdue) out.overdue = '1';
  if (f.assignee !== undefined) out.assignee = f.assignee;
  if (f.supervised) out.supervised = '1';
  if (f.q) out.q = f.q;
  if (sort.by !== DEFAULT_QUEUE.sort.by) out.sort = sort.by;
  if (sort.order !== DEFAULT_QUEUE.sort.order) out.order = sort.order;
  return out;
}

/** Whether two states are the same queue (the same address). */
export function sameQueue(a: QueueState, b: QueueState): boolean {
  return JSON.stringify(queueToQuery(a, {})) === JSON.stringify(queueToQuery(b, {}));
}
