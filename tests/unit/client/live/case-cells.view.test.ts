import { describe, expect, it } from 'vitest';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { CaseCellsView } from '../../../../client/src/live/cases/case-cells.view.js';
import { gridCase } from '../widgets/fixtures.js';

const book = (...cases: GridCase[]) => new Map(cases.map((c) => [c.id, c]));

describe("CaseCellsView: a district's unit grid cells by open cases", () => {
  it('counts open cases per cell, busiest first, and moves a case out when it closes', () => {
    const view = new CaseCellsView({ kind: 'case-cells', mode: 'real', status: 'open', limit: 2 });
    const cases = book(
      gridCase({ id: 'a', gridCell: 'x', status: 'dispatched' }),
      gridCase({ id: 'b', gridCell: 'y', status: 'registered' }),
      gridCase({ id: 'c', gridCell: 'y', status: 'in_progress' }),
      gridCase({ id: 'd', gridCell: 'z', status: 'closed' }),
      gridCase({ id: 'e', gridCell: null, status: 'registered' }),
    );
    view.reset(cases);
    expect(view.take()!.map((r) => [r.cell, r.count])).toEqual([
      ['y', 2],
      ['x', 1],
    ]);
    expect(view.take()).toBeNull();
    cases.set('c', gridCase({ id: 'c', gridCell: 'y', status: 'closed' }));
    cases.delete('b');
    view.apply(new Set(['b', 'c']), cases);
    expect(view.take()!.map((r) => [r.cell, r.count])).toEqual([['x', 1]]);
  });

  it('counts only overdue cases when asked', () => {
    const view = new CaseCellsView({ kind: 'case-cells', mode: 'real', status: 'overdue', limit: 5 });
    view.reset(book(gridCase({ id: 'a', gridCell: 'x', status: 'dispatched', overdue: true }), gridCase({ id: 'b', gridCell: 'y', status: 'dispatched' })));
    expect(view.take()!.map((r) => r.cell)).toEqual(['x']);
  });
});
