import type { CaseCategory } from '../../../../shared/schemas/city-pack.js';
import type { CaseStatus } from '../../../../shared/schemas/grid-event.js';
import type { CaseRecord } from '../grid/cases.repository.js';
import { COUNTER_INDEX, emptyCounters, type Counter, type Counters } from '../../../../shared/domain/indicators.js';

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

/**
 * One change to one rollup row as the rollup log (migration 016) holds it: the row's key, then
 * (index in COUNTERS, change) pairs of the counters it changes.
 */
export type LogRow = (string | boolean | number)[];

/** A rollup row's key as a log row starts it. */
export const logRowKey = (day: string, g: Omit<RollupKey, 'day'>): LogRow => [day, g.district, g.cell, g.category, g.department, g.source, g.exercise];
/** How many fields of a log row are its key: the (index, change) pairs follow. */
export const LOG_KEY_FIELDS = 7;

/** The `Deltas` key of a rollup row. */
export const rollupKeyId = (k: RollupKey): string => k.day + groupKeyId(k);

/** The `Deltas` key of a rollup row less the day that leads it. */
const groupKeyId = (g: Omit<RollupKey, 'day'>): string => `|${g.district}|${g.cell}|${g.category}|${g.department}|${g.source}|${g.exercise}`;

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

const DAY_MS = 86_400_000;
/** Day numbers (local, since the epoch) to their YYYY-MM-DD text, kept as met: a batch of cases spans few days. */
const dayText = new Map<number, string>();

/** The local day of an instant, YYYY-MM-DD. */
export function localDay(at: string | Date, utcOffsetMinutes: number): string {
  const n = Math.floor(((typeof at === 'string' ? Date.parse(at) : at.getTime()) + utcOffsetMinutes * 60_000) / DAY_MS);
  let text = dayText.get(n);
  if (text === undefined) {
    if (dayText.size >= 4096) dayText.clear();
    text = new Date(n * DAY_MS).toISOString().slice(0, 10);
    dayText.set(n, text);
  }
  return text;
}

/** A case's rollup rows: their key less the day, and its `rollupKeyId` less the leading day (made when first needed). */
interface CaseRows {
  group: Omit<RollupKey, 'day'>;
  id?: string;
}

/**
 * Adds `sign × values` to the case's rollup row of the day `at` falls on: summed into `Deltas`,
 * or appended as its own log row (what ingest logs for new cases: nothing of theirs cancels out,
 * so summing would only cost time).
 */
function addOn(out: Deltas | LogRow[], rows: CaseRows, at: string | Date, values: Partial<Counters>, sign: 1 | -1, utcOffsetMinutes: number): void {
  const day = localDay(at, utcOffsetMinutes);
  if (Array.isArray(out)) {
    const row = logRowKey(day, rows.group);
    for (const k in values) if (values[k as Counter] !== 0) row.push(COUNTER_INDEX[k as Counter], sign * values[k as Counter]!);
    if (row.length > LOG_KEY_FIELDS) out.push(row);
    return;
  }
  const id = day + (rows.id ??= groupKeyId(rows.group));
  let row = out.get(id);
  if (!row) out.set(id, (row = { key: { day, ...rows.group }, c: emptyCounters() }));
  for (const k in values) row.c[k as Counter] += sign * values[k as Counter]!;
}

/** Adds `sign ×` the case's contribution to `out` (see `addOn`). */
export function addCase(out: Deltas | LogRow[], c: CaseRecord, steps: readonly Step[], ctx: RollupContext, sign: 1 | -1): void {
  const category = ctx.categories.get(c.category);
  const group = {
    district: c.district ?? '',
    cell: c.gridCell ?? '',
    category: c.category,
    department: c.department ?? category?.department ?? '',
    source: c.source,
    exercise: c.exercise,
  };
  const rows: CaseRows = { group };
  const off = ctx.utcOffsetMinutes;

  addOn(out, rows, c.reportedAt, { reported: 1, hotline: c.source === 'hotline' ? 1 : 0 }, sign, off);
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
      addOn(out, rows, s.at, { registered: 1, registered_on_time: Date.parse(s.at) - Date.parse(c.reportedAt) <= ctx.registrationHours * 3_600_000 ? 1 : 0 }, sign, off);
    } else if (kind === 'dispatch') {
      dispatches += 1;
      lastDispatch = s.at;
      if (dispatches <= 2) addOn(out, rows, s.at, dispatches === 1 ? { dispatched: 1 } : { redispatched: 1 }, sign, off);
    } else if (kind === 'feedback') {
      lastFeedback = s.at;
      const hours = lastDispatch && category ? ctx.hoursBetween(category, lastDispatch, s.at) : null;
      addOn(out, rows, s.at, hours === null ? { fed_back: 1 } : { fed_back: 1, handling_hours: hours, handling_count: 1 }, sign, off);
    } else if (kind === 'send_back') {
      lastFeedback = null;
      addOn(out, rows, s.at, { sent_back: 1 }, sign, off);
    } else if (kind === 'close') {
      closedFeedback = lastFeedback;
      addOn(out, rows, s.at, { closed: 1 }, sign, off);
    } else if (kind === 'supervise' && !supervised) {
      supervised = true;
      addOn(out, rows, s.at, { supervised: 1 }, sign, off);
    }
  }
  if (lastDispatch && category) {
    const due = ctx.deadline(category, lastDispatch);
    const onTime = (at: string | null) => (at !== null && Date.parse(at) <= due.getTime() ? 1 : 0);
    addOn(out, rows, due, { due: 1, due_fed_back: lastFeedback ? 1 : 0, due_fed_back_on_time: onTime(lastFeedback), due_closed_on_time: onTime(closedFeedback) }, sign, off);
  }
}

/** Orders steps as the timeline does: by time, then in the order they were stored. */
export function timelineOrder(steps: Step[]): Step[] {
  return steps
    .map((s, i) => [s, i] as const)
    .sort((a, b) => Date.parse(a[0].at) - Date.parse(b[0].at) || a[1] - b[1])
    .map(([s]) => s);
}
