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
}

const emptyCounts = (): StageCounts => ({ reported: 0, registered: 0, dispatched: 0, in_progress: 0, feedback: 0, closed: 0, evaluated: 0, rejected: 0 });

function entryOf(c: GridCase): Entry {
  return {
    c,
    text: `${c.title}\n${c.description ?? ''}\n${c.address ?? ''}`.toLowerCase(),
    deadline: c.deadlineAt ? Date.parse(c.deadlineAt) : NaN,
    reported: Date.parse(c.reportedAt),
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
 * Orders two entries by the sort: cases without a deadline come last in either order, ties go
 * by report time, then by id, so the order is total and a window never shuffles.
 */
function comparator(sort: QueueSort): (a: Entry, b: Entry) => number {
  const sign = sort.order === 'asc' ? 1 : -1;
  const key = sort.by === 'deadline' ? 'deadline' : 'reported';
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    const xn = Number.isNaN(x);
    const yn = Number.isNaN(y);
    if (xn !== yn) return xn ? 1 : -1;
    if (!xn && x !== y) return sign * (x - y);
    return sign * (a.reported - b.reported) || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0);
  };
}

/**
 * The duty officer's case queue over one partition: filtered, searched, sorted and counted per
 * stage, kept up to date case by case (a change re-files one case, it does not re-sort ten
 * thousand). Pure: the live worker runs it (live/cases/case-queue.view.ts) and tests feed it.
 */
export class CaseQueue {
  private readonly entries = new Map<string, Entry>();
  /** The cases matching the filter without its stage, in sort order (a stage tab only re-slices this). */
  private base: Entry[] = [];
  /** The cases matching the filter, stage included, in sort order. */
  private rows: Entry[] = [];
  private counts = emptyCounts();
  private terms: string[] = [];
  private compare: (a: Entry, b: Entry) => number;

  constructor(
    private filter: QueueFilter,
    private sort: QueueSort,
  ) {
    this.terms = searchTerms(filter.q);
    this.compare = comparator(sort);
  }

  /** Starts over from every case of the partition. */
  reset(cases: Iterable<GridCase>): void {
    this.entries.clear();
    for (const c of cases) this.entries.set(c.id, entryOf(c));
    this.rebuild();
  }

  /**
   * A new filter or sort. Only the stage changed: the rows are re-sliced from the cases already
   * filtered and sorted; only the order changed: those are re-sorted; else every case is judged
   * again (a linear pass and one sort).
   */
  respec(filter: QueueFilter, sort: QueueSort): void {
    const sameFilter = besidesStage(filter) === besidesStage(this.filter);
    const sameSort = sort.by === this.sort.by && sort.order === this.sort.order;
    this.filter = filter;
    this.sort = sort;
    this.terms = searchTerms(filter.q);
    this.compare = comparator(sort);
    if (!sameFilter) return this.rebuild();
    if (!sameSort) this.base.sort(this.compare);
    this.restage();
  }

  /** One case changed (`c` undefined: it left the partition). */
  update(id: string, c: GridCase | undefined): void {
    const before = this.entries.get(id);
    if (before) {
      if (this.matchesBesidesStage(before)) {
        this.counts[before.c.status]--;
        this.base.splice(this.indexOf(this.base, before), 1);
        if (onStage(this.filter.stage, before.c.status)) this.rows.splice(this.indexOf(this.rows, before), 1);
      }
      this.entries.delete(id);
    }
    if (!c) return;
    const after = entryOf(c);
    this.entries.set(id, after);
    if (!this.matchesBesidesStage(after)) return;
    this.counts[c.status]++;
    this.base.splice(this.insertionPoint(this.base, after), 0, after);
    if (onStage(this.filter.stage, c.status)) this.rows.splice(this.insertionPoint(this.rows, after), 0, after);
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
    return this.rows.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit)).map((e) => e.c);
  }

  private rebuild(): void {
    this.counts = emptyCounts();
    const base: Entry[] = [];
    for (const e of this.entries.values()) {
      if (!this.matchesBesidesStage(e)) continue;
      this.counts[e.c.status]++;
      base.push(e);
    }
    this.base = base.sort(this.compare);
    this.restage();
  }

  private restage(): void {
    const stage = this.filter.stage;
    this.rows = stage === 'all' ? this.base.slice() : this.base.filter((e) => onStage(stage, e.c.status));
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

  /** Where `e` goes in sorted `list` (binary search; the order is total). */
  private insertionPoint(list: readonly Entry[], e: Entry): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(list[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The position of an entry in sorted `list` (it is there: it matches, and the order is total). */
  private indexOf(list: readonly Entry[], e: Entry): number {
    const i = this.insertionPoint(list, e);
    return list[i] === e ? i : list.indexOf(e);
  }
}
