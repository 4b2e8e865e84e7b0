import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { isOpen } from '../../../../shared/domain/lifecycle.js';
import { chinaDayStart } from '../../../../shared/domain/time.js';
import { GroupCounter } from './group-counter.js';

/** Which cases a category count counts: reported today, or not yet closed. */
export type CategoryScope = 'today' | 'open';

/**
 * Cases per category, kept incrementally: `today` counts cases reported since 00:00 China
 * time (the same day as the vital signs' `cases.today`), `open` the cases not yet closed.
 * A new day needs a recount from the partition ({@link CategoryCounts.dayChanged}). Runs in
 * the live worker (see live/cases/case-categories.view.ts): no zod or Vue here.
 */
export class CategoryCounts {
  private dayStart: number;
  readonly counter: GroupCounter<GridCase>;

  constructor(
    readonly scope: CategoryScope,
    now: number,
  ) {
    this.dayStart = chinaDayStart(now).getTime();
    this.counter = new GroupCounter((c) => (this.counts(c) ? c.category : null));
  }

  private counts(c: GridCase): boolean {
    return this.scope === 'open' ? isOpen(c.status) : Date.parse(c.reportedAt) >= this.dayStart;
  }

  /** For `today`: whether `now` is on a new day, which then becomes the counted day. */
  dayChanged(now: number): boolean {
    const start = chinaDayStart(now).getTime();
    if (this.scope !== 'today' || start === this.dayStart) return false;
    this.dayStart = start;
    return true;
  }
}
