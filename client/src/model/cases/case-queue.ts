import type { CaseSource, CaseStatus, GridCase } from '../../../../shared/schemas/grid-event.js';
import { isOpen } from '../../../../shared/domain/lifecycle.js';

/** Which stage the queue shows: one status, every open case, or every case. */
export type QueueStage = CaseStatus | 'open' | 'all';

/** What narrows the queue (each absent field: no narrowing). */
export interface QueueFilter {
  stage: QueueStage;
  category?: string;
  district?: string;
  source?: CaseSource;
  /** Only cases the server marks overdue. */
  overdue?: boolean;
  /** A named handler; `''` means cases without one. */
  assignee?: string;
  /** Only cases under 督办. */
  supervised?: boolean;
  /** Words that must all occur in the title, description or address (case-insensitive). */
  q?: string;
}

export type QueueSortKey = 'deadline' | 'reported';
export interface QueueSort {
  by: QueueSortKey;
  order: 'asc' | 'desc';
}

/** Cases per status under the filter without its stage: the tabs' counts. */
export type StageCounts = Record<CaseStatus, number>;

/** One case as the queue keeps it: what searching and sorting read, computed once per change. */
interface Entry {
  c: GridCase;
  /** Title, description and address, lower-cased. */
  text: string;
  deadline: number;
  reported: number;
  /** Whether it matches the filter without its stage (set when the filter or the case changes). */
  match: boolean;
}

type Compare = (a: Entry, b: Entry) => number;

const SORT_KEYS: readonly QueueSortKey[] = ['deadline', 'reported'];

const emptyCounts = (): StageCounts => ({ reported: 0, registered: 0, dispatched: 0, in_progress: 0, feedback: 0, closed: 0, evaluated: 0, rejected: 0 });

function entryOf(c: GridCase): Entry {
  return {
    c,
    text: `${c.title}\n${c.description ?? ''}\n${c.address ?? ''}`.toLowerCase(),
    deadline: c.deadlineAt ? Date.parse(c.deadlineAt) : NaN,
    reported: Date.parse(c.reportedAt),
    match: false,
  };
}

/** The search words of a query: lower-cased, split on white space (Chinese needs no other split). */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** The filter without its stage, as text: two filters with the same select the same cases before the stage. */
function besidesStage(f: QueueFilter): string {
  return JSON.stringify([f.category, f.district, f.source, !!f.overdue, f.assignee, !!f.supervised, searchTerms(f.q)]);
}

/** Whether `c` is on the stage. */
export function onStage(stage: QueueStage, status: CaseStatus): boolean {
  return stage === 'all' || (stage === 'open' ? isOpen(status) : stage === status);
}

/**
 * The ascending order by one key: cases without it (no deadline yet) last, ties by report
 * time, then by id, so the order is total and a window never shuffles. The descending order
 * is this one read backwards, the cases without the key still last.
 */
function ascending(key: QueueSortKey): Compare {
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    const xn = Number.isNaN(x);
    const yn = Number.isNaN(y);
    if (xn !== yn) return xn ? 1 : -1;
    if (!xn && x !== y) return x - y;
    return a.reported - b.reported || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0);
  };
}
const ASCENDING: Record<QueueSortKey, Compare> = { deadline: ascending('deadline'), reported: ascending('reported') };

/** Where `e` goes in `list`, sorted by `compare` (binary search; the order is total). */
function insertionPoint(list: readonly Entry[], e: Entry, compare: Compare): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of `rows` (ascending by `key`) have the key: those without it come last. */
function withKey(rows: readonly Entry[], key: QueueSortKey): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Number.isNaN(rows[mid]![key])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function insert(list: Entry[], e: Entry, compare: Compare): void {
  list.splice(insertionPoint(list, e, compare), 0, e);
}

function remove(list: Entry[], e: Entry, compare: Compare): void {
  const i = insertionPoint(list, e, compare);
  list.splice(list[i] === e ? i : list.indexOf(e), 1);
}

/**
 * The duty officer's case queue over one partition: filtered, searched, sorted and counted per
 * stage, kept up to date case by case (a change re-files one case, it does not re-sort ten
 * thousand). Every case is kept in the order of each sort key, so a new sort or filter is one
 * pass over the cases in that order and never a sort: the rows are re-sliced from it, and the
 * descending order is the ascending one read backwards. Pure: the live worker runs it
 * (live/cases/case-queue.view.ts) and tests feed it.
 */
export class CaseQueue {
  private readonly entries = new Map<string, Entry>();
  /** Every case of the partition, ascending by each sort key. */
  private readonly orders: Record<QueueSortKey, Entry[]> = { deadline: [], reported: [] };
  /** The cases matching the filter, stage included, ascending by the sort's key. */
  private rows: Entry[] = [];
  private counts = emptyCounts();
  private terms: string[] = [];

  constructor(
    private filter: QueueFilter,
    private sort: QueueSort,
  ) {
    this.terms = searchTerms(filter.q);
  }

  /** Starts over from every case of the partition. */
  reset(cases: Iterable<GridCase>): void {
    this.entries.clear();
    for (const c of cases) this.entries.set(c.id, entryOf(c));
    for (const key of SORT_KEYS) this.orders[key] = [...this.entries.values()].sort(ASCENDING[key]);
    this.refilter();
  }

  /**
   * A new filter or sort. Only the order changed: nothing to do (the rows are read the other
   * way); only the stage or the sort key: the rows are re-sliced from the cases in that key's
   * order; else every case is judged again on the way.
   */
  respec(filter: QueueFilter, sort: QueueSort): void {
    const sameFilter = besidesStage(filter) === besidesStage(this.filter);
    const sameRows = sameFilter && filter.stage === this.filter.stage && sort.by === this.sort.by;
    this.filter = filter;
    this.sort = sort;
    this.terms = searchTerms(filter.q);
    if (!sameFilter) this.refilter();
    else if (!sameRows) this.reslice();
  }

  /** One case changed (`c` undefined: it left the partition). */
  update(id: string, c: GridCase | undefined): void {
    const compare = ASCENDING[this.sort.by];
    const before = this.entries.get(id);
    if (before) {
      for (const key of SORT_KEYS) remove(this.orders[key], before, ASCENDING[key]);
      if (before.match) {
        this.counts[before.c.status]--;
        if (onStage(this.filter.stage, before.c.status)) remove(this.rows, before, compare);
      }
      this.entries.delete(id);
    }
    if (!c) return;
    const after = entryOf(c);
    after.match = this.matchesBesidesStage(after);
    this.entries.set(id, after);
    for (const key of SORT_KEYS) insert(this.orders[key], after, ASCENDING[key]);
    if (!after.match) return;
    this.counts[c.status]++;
    if (onStage(this.filter.stage, c.status)) insert(this.rows, after, compare);
  }

  get total(): number {
    return this.rows.length;
  }

  /** Cases per status under the filter without its stage. */
  stageCounts(): StageCounts {
    return { ...this.counts };
  }

  /** The cases at positions `offset` … `offset + limit - 1` of the sorted queue. */
  window(offset: number, limit: number): GridCase[] {
    const rows = this.rows;
    const from = Math.max(0, offset);
    const to = Math.min(rows.length, from + Math.max(0, limit));
    if (this.sort.order === 'asc') return rows.slice(from, to).map((e) => e.c);
    // Backwards, the cases with the key first, then those without (they stay last).
    const keyed = withKey(rows, this.sort.by);
    const out: GridCase[] = [];
    for (let p = from; p < to; p++) out.push(rows[p < keyed ? keyed - 1 - p : rows.length - 1 - (p - keyed)]!.c);
    return out;
  }

  /** Judges every case against the filter without its stage, counts them, and re-slices the rows. */
  private refilter(): void {
    this.counts = emptyCounts();
    for (const e of this.entries.values()) {
      e.match = this.matchesBesidesStage(e);
      if (e.match) this.counts[e.c.status]++;
    }
    this.reslice();
  }

  /** The rows: the matching cases on the stage, in the order of the sort's key. */
  private reslice(): void {
    const stage = this.filter.stage;
    this.rows = this.orders[this.sort.by].filter((e) => e.match && onStage(stage, e.c.status));
  }

  private matchesBesidesStage({ c, text }: Entry): boolean {
    const f = this.filter;
    if (f.category !== undefined && c.category !== f.category) return false;
    if (f.district !== undefined && c.district !== f.district) return false;
    if (f.source !== undefined && c.source !== f.source) return false;
    if (f.overdue && !c.overdue) return false;
    if (f.assignee !== undefined && (c.assignee ?? '') !== f.assignee) return false;
    if (f.supervised && !c.supervised) return false;
    return this.terms.every((t) => text.includes(t));
  }
}
