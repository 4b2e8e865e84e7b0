import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseBook } from '../../../../client/src/live/cases/case-book.js';
import { CaseViews, type CaseView } from '../../../../client/src/live/cases/views.js';
import { FakeView } from './fixtures.js';
import type { FromLink, ViewSpec } from '../../../../client/src/live/protocol.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { gridCase } from '../widgets/fixtures.js';

const cats = (mode: 'real' | 'drill' = 'real', limit = 5): ViewSpec => ({ kind: 'case-categories', mode, scope: 'open', limit });
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function setup(opts: { factory?: (spec: ViewSpec) => CaseView | Promise<CaseView>; cases?: GridCase[]; intervalMs?: number } = {}) {
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

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-07-01T03:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CaseViews.watch', () => {
  it('creates the view from the spec, starts it from its partition and posts it at once', async () => {
    const { posts, made, create, views } = setup();
    const spec = cats('drill');
    views.watch(7, spec);
    await settle();
    expect(create).toHaveBeenCalledWith(spec);
    expect(made[0]!.resets).toEqual([['d1']]);
    expect(posts).toEqual([{ type: 'view', view: 7, kind: 'case-categories', data: [{ group: 'd1', count: 1 }] }]);
  });

  it('waits for a factory that loads its view asynchronously, then starts it from the partition as it is by then', async () => {
    let resolve!: (v: CaseView) => void;
    const { posts, views, change } = setup({ factory: () => new Promise<CaseView>((r) => (resolve = r)) });
    views.watch(1, cats('real'));
    change(gridCase({ id: 'r2' }));
    await settle();
    expect(posts).toEqual([]);
    const view = new FakeView();
    resolve(view);
    await settle();
    expect(view.resets).toEqual([['r1', 'r2']]);
    expect(view.applied).toEqual([]);
    expect(posts).toEqual([
      {
        type: 'view',
        view: 1,
        kind: 'case-categories',
        data: [
          { group: 'r1', count: 1 },
          { group: 'r2', count: 1 },
        ],
      },
    ]);
  });

  it('posts nothing for a view unwatched before its factory finished', async () => {
    let resolve!: (v: CaseView) => void;
    const { posts, views } = setup({ factory: () => new Promise<CaseView>((r) => (resolve = r)) });
    views.watch(1, cats());
    views.unwatch(1);
    const view = new FakeView();
    resolve(view);
    await settle();
    expect(view.resets).toEqual([]);
    expect(posts).toEqual([]);
  });

  it('drops a view whose factory failed (its library did not load), and takes the same id again later', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const { posts, views } = setup({ factory: () => (fail ? Promise.reject(new Error('chunk failed')) : new FakeView()) });
    views.watch(1, cats());
    await settle();
    expect(posts).toEqual([]);
    expect(error).toHaveBeenCalledWith('case view case-categories failed', expect.any(Error));
    fail = false;
    views.watch(1, cats());
    await settle();
    expect(posts).toHaveLength(1);
    error.mockRestore();
  });

  it('drops a view whose factory finished after the id was watched again with another spec', async () => {
    const pending: ((v: CaseView) => void)[] = [];
    const { posts, views } = setup({ factory: () => new Promise<CaseView>((r) => pending.push(r)) });
    views.watch(1, cats('real'));
    views.watch(1, cats('drill'));
    const stale = new FakeView();
    const current = new FakeView();
    pending[0]!(stale);
    pending[1]!(current);
    await settle();
    expect(stale.resets).toEqual([]);
    expect(current.resets).toEqual([['d1']]);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ view: 1, data: [{ group: 'd1', count: 1 }] });
  });

  it('hands a new spec to a view that accepts it: the same view, posted at once, not reset', async () => {
    const accepting = new FakeView(true);
    const { posts, create, views } = setup({ factory: () => accepting });
    views.watch(3, cats('real', 5));
    await settle();
    accepting.next.push([{ group: 'moved', count: 2 }]);
    const moved = cats('real', 8);
    views.watch(3, moved);
    expect(posts).toHaveLength(2);
    expect(posts[1]).toEqual({ type: 'view', view: 3, kind: 'case-categories', data: [{ group: 'moved', count: 2 }] });
    expect(accepting.specs).toEqual([moved]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(accepting.resets).toHaveLength(1);
  });

  it('replaces a view that refuses the new spec with a new one from the factory', async () => {
    const { posts, made, create, views, change } = setup();
    views.watch(3, cats('real'));
    await settle();
    views.watch(3, cats('drill'));
    await settle();
    expect(create).toHaveBeenCalledTimes(2);
    expect(made[0]!.specs).toEqual([cats('drill')]);
    expect(made[1]!.resets).toEqual([['d1']]);
    expect(posts.map((p) => p.type === 'view' && p.data)).toEqual([[{ group: 'r1', count: 1 }], [{ group: 'd1', count: 1 }]]);

    change(gridCase({ id: 'r2' }), gridCase({ id: 'd2', exercise: true }));
    expect(made[0]!.applied).toEqual([]);
    expect(made[1]!.applied.map((a) => a.ids)).toEqual([['d2']]);
  });
});

describe('CaseViews.changed', () => {
  it('feeds each view only the changes of its own partition, with the partition itself', async () => {
    const { book, made, views, change } = setup();
    views.watch(1, cats('real'));
    views.watch(2, cats('drill'));
    await settle();
    change(gridCase({ id: 'r2' }), gridCase({ id: 'r1', status: 'dispatched' }));
    expect(made[0]!.applied).toEqual([{ ids: ['r1', 'r2'], cases: book.parts.real }]);
    expect(made[1]!.applied).toEqual([]);
  });

  it('feeds a case that changed sides to both partitions’ views', async () => {
    const { made, views, change } = setup();
    views.watch(1, cats('real'));
    views.watch(2, cats('drill'));
    await settle();
    change(gridCase({ id: 'r1', exercise: true }));
    expect(made[0]!.applied.map((a) => a.ids)).toEqual([['r1']]);
    expect(made[1]!.applied.map((a) => a.ids)).toEqual([['r1']]);
  });

  it('posts the changed views together 50 ms after the first change, and no sooner', async () => {
    const { posts, views, change } = setup();
    views.watch(1, cats('real'));
    views.watch(2, cats('drill'));
    await settle();
    posts.length = 0;
    change(gridCase({ id: 'r2' }));
    vi.advanceTimersByTime(20);
    change(gridCase({ id: 'r3' }));
    vi.advanceTimersByTime(29);
    expect(posts).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(posts).toEqual([{ type: 'view', view: 1, kind: 'case-categories', data: ['r1', 'r2', 'r3'].map((group) => ({ group, count: 1 })) }]);
  });

  it('posts a view at most once per interval however many changes arrive', async () => {
    const { posts, views, change } = setup({ intervalMs: 1000 });
    views.watch(1, cats('real'));
    await settle();
    posts.length = 0;
    change(gridCase({ id: 'a' }));
    vi.advanceTimersByTime(50);
    expect(posts).toHaveLength(1);
    for (let t = 0; t < 9; t++) {
      vi.advanceTimersByTime(100);
      change(gridCase({ id: `b${t}` }));
    }
    expect(posts).toHaveLength(1);
    vi.advanceTimersByTime(1049 - 950);
    expect(posts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(posts).toHaveLength(2);
    expect(posts[1]).toMatchObject({ view: 1, data: expect.arrayContaining([{ group: 'b8', count: 1 }]) });
  });

  it('posts a prompt view (the desk’s queue) with every batch while the others keep their interval', async () => {
    const prompt = Object.assign(new FakeView(), { prompt: true });
    const { posts, views, change } = setup({ intervalMs: 1000, factory: (spec) => (spec.mode === 'drill' ? prompt : new FakeView()) });
    views.watch(1, cats('real'));
    views.watch(2, cats('drill'));
    await settle();
    vi.advanceTimersByTime(1000);
    posts.length = 0;
    change(gridCase({ id: 'a' }), gridCase({ id: 'x', exercise: true }));
    vi.advanceTimersByTime(50);
    expect(posts.map((p) => p.type === 'view' && p.view)).toEqual([1, 2]);
    change(gridCase({ id: 'b' }), gridCase({ id: 'y', exercise: true }));
    vi.advanceTimersByTime(50);
    expect(posts.map((p) => p.type === 'view' && p.view)).toEqual([1, 2, 2]);
    vi.advanceTimersByTime(950);
    expect(posts.map((p) => p.type === 'view' && p.view)).toEqual([1, 2, 2, 1]);
  });

  it('passes the flush time to the view', async () => {
    const { made, views, change } = setup();
    views.watch(1, cats('real'));
    await settle();
    const start = Date.now();
    change(gridCase({ id: 'r2' }));
    vi.advanceTimersByTime(50);
    expect(made[0]!.takes.at(-1)).toBe(start + 50);
  });

  it('posts nothing for a view of a partition that did not change', async () => {
    const { posts, made, views, change } = setup();
    views.watch(2, cats('drill'));
    await settle();
    posts.length = 0;
    change(gridCase({ id: 'r2' }));
    vi.advanceTimersByTime(2000);
    expect(posts).toEqual([]);
    expect(made[0]!.takes).toHaveLength(1);
  });

  it('posts nothing when a fed view has nothing new to show', async () => {
    const { posts, made, views, change } = setup();
    views.watch(1, cats('real'));
    await settle();
    posts.length = 0;
    made[0]!.next.push(null);
    change(gridCase({ id: 'r2' }));
    vi.advanceTimersByTime(2000);
    expect(made[0]!.takes).toHaveLength(2);
    expect(posts).toEqual([]);
  });

  it('starts every view over from its partition on a snapshot', async () => {
    const { book, posts, made, views } = setup();
    views.watch(1, cats('real'));
    views.watch(2, cats('drill'));
    await settle();
    posts.length = 0;
    book.reset([gridCase({ id: 'r9' }), gridCase({ id: 'd9', exercise: true })], Date.now());
    views.changed('reset');
    expect(made[0]!.resets.at(-1)).toEqual(['r9']);
    expect(made[1]!.resets.at(-1)).toEqual(['d9']);
    vi.advanceTimersByTime(50);
    expect(posts).toEqual([
      { type: 'view', view: 1, kind: 'case-categories', data: [{ group: 'r9', count: 1 }] },
      { type: 'view', view: 2, kind: 'case-categories', data: [{ group: 'd9', count: 1 }] },
    ]);
  });

  it('stops feeding and posting a view once unwatched', async () => {
    const { posts, made, views, change } = setup();
    views.watch(1, cats('real'));
    await settle();
    posts.length = 0;
    views.unwatch(1);
    change(gridCase({ id: 'r2' }));
    vi.advanceTimersByTime(2000);
    expect(posts).toEqual([]);
    expect(made[0]!.applied).toEqual([]);
  });
});

describe('CaseViews: time alone', () => {
  it('takes every view once a minute without any change (a new hour, a new day), until none is watched', async () => {
    const { views, made } = setup();
    views.watch(1, cats());
    await settle();
    const takes = () => made[0]!.takes.length;
    expect(takes()).toBe(1);
    // The tick, then the 50 ms every flush waits for a burst.
    await vi.advanceTimersByTimeAsync(60_050);
    expect(takes()).toBe(2);
    views.unwatch(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(takes()).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('CaseViews.answer', () => {
  it('gives a case whole from either partition, or null when the worker does not hold it', () => {
    const { book, views } = setup();
    expect(views.answer({ kind: 'case', id: 'r1' })).toBe(book.get('r1'));
    expect(views.answer({ kind: 'case', id: 'd1' })).toBe(book.parts.drill.get('d1'));
    expect(views.answer({ kind: 'case', id: 'gone' })).toBeNull();
  });

  it('asks the watched view for a cluster’s expansion zoom, and answers null for anything unknown', async () => {
    const { views } = setup({ factory: (spec) => (spec.mode === 'real' ? new FakeView(false, { 42: 13 }) : ({ reset() {}, apply() {}, take: () => null } satisfies CaseView)) });
    views.watch(1, cats('real'));
    views.watch(2, cats('drill'));
    await settle();
    expect(views.answer({ kind: 'cluster-zoom', view: 1, clusterId: 42 })).toBe(13);
    expect(views.answer({ kind: 'cluster-zoom', view: 1, clusterId: 41 })).toBeNull();
    expect(views.answer({ kind: 'cluster-zoom', view: 2, clusterId: 42 })).toBeNull();
    expect(views.answer({ kind: 'cluster-zoom', view: 9, clusterId: 42 })).toBeNull();
  });
});
