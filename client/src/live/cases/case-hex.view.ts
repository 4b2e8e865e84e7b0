import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { createHexCounter, hexFeature, hexScaleMax, type HexCell } from '../../model/cases/case-hex.js';
import { createSourceDiffer } from '../../model/geo/source-differ.js';
import type { ViewData } from '../protocol.js';
import type { CaseView } from './views.js';

/**
 * The density layer's data: open cases per H3 cell, counted case by case in the worker (a
 * case update moves one count between two cells). The page gets the cells whose count
 * changed: a new or emptied cell as an `updateData` diff, a new count as feature-state.
 */
export class CaseHexView implements CaseView<'case-hex'> {
  private readonly counter;
  private readonly differ = createSourceDiffer<HexCell>((h) => [hexFeature(h)], { stateKeys: ['count'] });
  private touched = new Set<string>();
  private fresh = true;

  constructor(resolution: number) {
    this.counter = createHexCounter(resolution);
  }

  reset(cases: ReadonlyMap<string, GridCase>): void {
    this.counter.reset(cases.values());
    this.touched.clear();
    this.fresh = true;
  }

  apply(ids: ReadonlySet<string>, cases: ReadonlyMap<string, GridCase>): void {
    for (const id of ids) this.counter.apply(id, cases.get(id), this.touched);
  }

  take(): ViewData['case-hex'] | null {
    const max = hexScaleMax(this.counter.max());
    if (this.fresh) {
      this.fresh = false;
      this.touched.clear();
      const reset = this.differ.reset(this.counter.cells());
      return { reset, max, total: this.differ.size() };
    }
    const touched = this.touched;
    this.touched = new Set();
    const update = this.differ.diff(touched, (cell) => this.counter.get(cell));
    return update ? { update, max, total: this.differ.size() } : null;
  }
}
