import { afterEach, beforeEach, vi } from 'vitest';
import { CaseBook } from '../../../../client/src/live/cases/case-book.js';
import { CaseViews, type CaseView } from '../../../../client/src/live/cases/views.js';
import type { FromLink, ViewSpec } from '../../../../client/src/live/protocol.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { gridCase } from '../widgets/fixtures.js';
import { FakeView } from './fixtures.js';

/** The worker's view set over a book of one real and one drill case, for case-views*.test.ts. */

export const cats = (mode: 'real' | 'drill' = 'real', limit = 5): ViewSpec => ({ kind: 'case-categories', mode, scope: 'open', limit });
export const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

export function setup(opts: { factory?: (spec: ViewSpec) => CaseView | Promise<CaseView>; cases?: GridCase[]; intervalMs?: number } = {}) {
  const book = new CaseBook();
  book.reset(opts.cases ?? [gridCase({ id: 'r1' }), gridCase({ id: 'd1', exercise: true })], Date.now());
  const posts: FromLink[] = [];
  const made: FakeView[] = [];
  const factory =
    opts.factory ??
    (() => {
      const v = new FakeView();
      made.push(v);
      return v;
    });
  const create = vi.fn(factory);
  const views = new CaseViews(book, (m) => posts.push(m), { create }, opts.intervalMs ?? 1000);
  const change = (...cases: GridCase[]) => views.changed(book.apply(cases, Date.now()));
  return { book, posts, made, create, views, change };
}

/** Fake timers from 2026-07-01 03:00 UTC for each test of the calling file. */
export function useViewClock(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-07-01T03:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
