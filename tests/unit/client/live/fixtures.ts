import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { CaseBook } from '../../../../client/src/live/cases/case-book.js';
import type { CaseView } from '../../../../client/src/live/cases/views.js';
import type { ViewSpec } from '../../../../client/src/live/protocol.js';

/**
 * `view` fed as the worker feeds it: started from the real partition of a book holding
 * `cases`, then given what each `change` (a delta) changed there.
 */
export function fedView<V extends CaseView>(view: V, cases: GridCase[]) {
  const book = new CaseBook();
  book.reset(cases, Date.now());
  view.reset(book.parts.real);
  const change = (...cs: GridCase[]) => view.apply(book.apply(cs, Date.now()).real, book.parts.real);
  return { book, view, change };
}

type Rows = { group: string; count: number }[];

/** A view that records what it is fed and posts the ids of its partition, or what a test queues. */
export class FakeView implements CaseView<'case-categories'> {
  resets: string[][] = [];
  applied: { ids: string[]; cases: ReadonlyMap<string, GridCase> }[] = [];
  specs: ViewSpec[] = [];
  next: (Rows | null)[] = [];
  takes: number[] = [];
  private cases: ReadonlyMap<string, GridCase> = new Map();

  constructor(
    private readonly accepts = false,
    private readonly zooms: Record<number, number> = {},
  ) {}

  reset(cases: ReadonlyMap<string, GridCase>): void {
    this.cases = cases;
    this.resets.push([...cases.keys()].sort());
  }
  apply(ids: ReadonlySet<string>, cases: ReadonlyMap<string, GridCase>): void {
    this.applied.push({ ids: [...ids].sort(), cases });
  }
  take(now: number): Rows | null {
    this.takes.push(now);
    if (this.next.length > 0) return this.next.shift()!;
    return [...this.cases.keys()].sort().map((group) => ({ group, count: 1 }));
  }
  respec(spec: ViewSpec): boolean {
    this.specs.push(spec);
    return this.accepts;
  }
  clusterZoom(clusterId: number): number | null {
    return this.zooms[clusterId] ?? null;
  }
}
