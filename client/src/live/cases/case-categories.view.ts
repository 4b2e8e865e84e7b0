import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { CategoryCounts } from '../../model/aggregates/category-counts.js';
import type { ViewData, ViewSpec } from '../protocol.js';
import type { CaseView } from './views.js';
import { defineView } from './view-registry.js';

type Spec = Extract<ViewSpec, { kind: 'case-categories' }>;
type Rows = ViewData['case-categories'];

const sameRows = (a: Rows, b: Rows) => a.length === b.length && a.every((r, i) => r.group === b[i]!.group && r.count === b[i]!.count);

/**
 * Cases per category for `cases-by-category`, counted in the worker from exactly the cases
 * that change; the page gets the largest `limit` categories when they changed. A new day
 * starts the count over, at the latest when the views are next taken (once a minute).
 */
export class CaseCategoriesView implements CaseView<'case-categories'> {
  private readonly counts: CategoryCounts;
  private last: Rows | null = null;
  private cases: ReadonlyMap<string, GridCase> = new Map();

  constructor(private readonly spec: Spec) {
    this.counts = new CategoryCounts(spec.scope, Date.now());
  }

  reset(cases: ReadonlyMap<string, GridCase>): void {
    this.cases = cases;
    this.counts.counter.apply({ items: [...cases.values()], reset: true });
  }

  apply(ids: ReadonlySet<string>, cases: ReadonlyMap<string, GridCase>): void {
    this.cases = cases;
    const items: GridCase[] = [];
    for (const id of ids) {
      const c = cases.get(id);
      if (c) items.push(c);
      else this.counts.counter.remove(id); // it left the partition
    }
    this.counts.counter.apply({ items, reset: false });
  }

  take(now: number): Rows | null {
    if (this.counts.dayChanged(now)) this.reset(this.cases);
    const rows = this.counts.counter.top(this.spec.limit);
    if (this.last && sameRows(this.last, rows)) return null;
    this.last = rows;
    return rows;
  }
}

/** The `case-categories` kind, registered in live/cases/index.ts. */
export const caseCategoriesView = defineView({ kind: 'case-categories', create: (spec) => new CaseCategoriesView(spec) });
