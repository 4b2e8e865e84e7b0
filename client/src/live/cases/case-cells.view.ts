import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { isOpen } from '../../../../shared/domain/lifecycle.js';
import type { ViewData, ViewSpec } from '../protocol.js';
import type { CaseView } from './views.js';
import { defineView } from './view-registry.js';

type Spec = Extract<ViewSpec, { kind: 'case-cells' }>;
type Rows = ViewData['case-cells'];

const sameRows = (a: Rows, b: Rows) => a.length === b.length && a.every((r, i) => r.cell === b[i]!.cell && r.count === b[i]!.count);

/**
 * Open (or overdue) cases per unit grid cell (the server's `gridCell`, H3 at the city pack's
 * resolution), the `limit` busiest: the level below a district, for a grid administrator's
 * ranking. Each cell carries the place of one of its cases, so the page can name it after a
 * landmark nearby.
 */
export class CaseCellsView implements CaseView<'case-cells'> {
  private readonly cellOf = new Map<string, string>();
  private readonly cells = new Map<string, { count: number; at: GridCase['location'] }>();
  private last: Rows | null = null;

  constructor(private readonly spec: Spec) {}

  reset(cases: ReadonlyMap<string, GridCase>): void {
    this.cellOf.clear();
    this.cells.clear();
    for (const [id, c] of cases) this.place(id, c);
  }

  apply(ids: ReadonlySet<string>, cases: ReadonlyMap<string, GridCase>): void {
    for (const id of ids) this.place(id, cases.get(id));
  }

  take(): Rows | null {
    const rows = [...this.cells.entries()]
      .map(([cell, v]) => ({ cell, count: v.count, at: v.at }))
      .sort((a, b) => b.count - a.count || a.cell.localeCompare(b.cell))
      .slice(0, this.spec.limit);
    if (this.last && sameRows(this.last, rows)) return null;
    this.last = rows;
    return rows;
  }

  /** Moves one case's count to the cell it now counts in (none when it no longer counts). */
  private place(id: string, c: GridCase | undefined): void {
    const counts = c && c.gridCell && isOpen(c.status) && (this.spec.status === 'open' || c.overdue);
    const before = this.cellOf.get(id);
    const after = counts ? c.gridCell! : undefined;
    if (before === after) return;
    if (before !== undefined) {
      const v = this.cells.get(before)!;
      if (--v.count === 0) this.cells.delete(before);
      this.cellOf.delete(id);
    }
    if (after !== undefined) {
      const v = this.cells.get(after);
      if (v) v.count++;
      else this.cells.set(after, { count: 1, at: c!.location });
      this.cellOf.set(id, after);
    }
  }
}

/** The `case-cells` kind, registered in live/cases/index.ts. */
export const caseCellsView = defineView({ kind: 'case-cells', create: (spec) => new CaseCellsView(spec) });
