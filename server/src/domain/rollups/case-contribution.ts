import type { CaseCategory } from '../../../../shared/schemas/city-pack.js';
import type { CaseStatus } from '../../../../shared/schemas/grid-event.js';
import type { CaseRecord } from '../grid/cases.repository.js';
import { emptyCounters, type Counter, type Counters } from '../../../../shared/domain/indicators.js';

/**
 * What one case adds to the rollups (migration 010), as a pure function of the case row and
 * its timeline: the incremental path adds `after − before` of each changed case, the rebuild
 * adds every case once, so both agree by construction.
 */
/** The rollup row a counter lands in; empty text stands for "none". */
export interface RollupKey {
  day: string;
  district: string;
  cell: string;
  category: string;
  department: string;
  source: string;
  exercise: boolean;
}

/** Summed changes per rollup row, keyed by the row's key joined. */
export type Deltas = Map<string, { key: RollupKey; c: Counters }>;

/** The `Deltas` key of a rollup row. */
export const rollupKeyId = (k: RollupKey): string => `${k.day}|${k.district}|${k.cell}|${k.category}|${k.department}|${k.source}|${k.exercise}`;

/** One stored step of a case (a `case_timeline` row), in timeline order. */
export interface Step {
  at: string;
  status: CaseStatus;
  action: string | null;
}

/** The city's settings the counters depend on. */
export interface RollupContext {
  categories: ReadonlyMap<string, CaseCategory>;
  /** The city's offset from UTC: days are local days. */
  utcOffsetMinutes: number;
  /** 按时立案: registered within this many hours of the report. */
  registrationHours: number;
  /** The deadline of a dispatch, in the category's clock. */
  deadline: (category: CaseCategory, dispatchedAt: string) => Date;
  /** Hours between two instants in the category's clock. */
  hoursBetween: (category: CaseCategory, from: string, to: string) => number;
}

const STATUS_STEP: Partial<Record<CaseStatus, string>> = { registered: 'register', dispatched: 'dispatch', feedback: 'feedback', closed: 'close' };

/** Which counted step a timeline row is (steps stored before migration 007 carry no action). */
function stepKind(s: Step, prev: CaseStatus): string | null {
  if (s.action) return s.action;
  if (s.status === 'in_progress' && prev === 'feedback') return 'send_back';
  return STATUS_STEP[s.status] ?? null;
}

/** The local day of an instant, YYYY-MM-DD. */
export function localDay(at: string | Date, utcOffsetMinutes: number): string {
  return new Date(new Date(at).getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Adds `sign ×` the case's contribution to `out`. */
export function addCase(out: Deltas, c: CaseRecord, steps: readonly Step[], ctx: RollupContext, sign: 1 | -1): void {
  const category = ctx.categories.get(c.category);
  const group = {
    district: c.district ?? '',
    cell: c.gridCell ?? '',
    category: c.category,
    department: c.department ?? category?.department ?? '',
    source: c.source,
    exercise: c.exercise,
  };
  const add = (at: string | Date, values: Partial<Counters>) => {
    const key = { day: localDay(at, ctx.utcOffsetMinutes), ...group };
    const id = rollupKeyId(key);
    let row = out.get(id);
    if (!row) out.set(id, (row = { key, c: emptyCounters() }));
    for (const k in values) row.c[k as Counter] += sign * values[k as Counter]!;
  };

  add(c.reportedAt, { reported: 1, hotline: c.source === 'hotline' ? 1 : 0 });
  let prev: CaseStatus = 'reported';
  let registered = false;
  let supervised = false;
  let dispatches = 0;
  let lastDispatch: string | null = null;
  let lastFeedback: string | null = null;
  let closedFeedback: string | null = null;
  for (const s of steps) {
    const kind = stepKind(s, prev);
    prev = s.status;
    if (kind === 'register' && !registered) {
      registered = true;
      add(s.at, { registered: 1, registered_on_time: Date.parse(s.at) - Date.parse(c.reportedAt) <= ctx.registrationHours * 3_600_000 ? 1 : 0 });
    } else if (kind === 'dispatch') {
      dispatches += 1;
      lastDispatch = s.at;
      if (dispatches <= 2) add(s.at, dispatches === 1 ? { dispatched: 1 } : { redispatched: 1 });
    } else if (kind === 'feedback') {
      lastFeedback = s.at;
      const hours = lastDispatch && category ? ctx.hoursBetween(category, lastDispatch, s.at) : null;
      add(s.at, hours === null ? { fed_back: 1 } : { fed_back: 1, handling_hours: hours, handling_count: 1 });
    } else if (kind === 'send_back') {
      lastFeedback = null;
      add(s.at, { sent_back: 1 });
    } else if (kind === 'close') {
      closedFeedback = lastFeedback;
      add(s.at, { closed: 1 });
    } else if (kind === 'supervise' && !supervised) {
      supervised = true;
      add(s.at, { supervised: 1 });
    }
  }
  if (lastDispatch && category) {
    const due = ctx.deadline(category, lastDispatch);
    const onTime = (at: string | null) => (at !== null && Date.parse(at) <= due.getTime() ? 1 : 0);
    add(due, { due: 1, due_fed_back: lastFeedback ? 1 : 0, due_fed_back_on_time: onTime(lastFeedback), due_closed_on_time: onTime(closedFeedback) });
  }
}

/** Orders steps as the timeline does: by time, then in the order they were stored. */
export function timelineOrder(steps: Step[]): Step[] {
  return steps
    .map((s, i) => [s, i] as const)
    .sort((a, b) => Date.parse(a[0].at) - Date.parse(b[0].at) || a[1] - b[1])
    .map(([s]) => s);
}
