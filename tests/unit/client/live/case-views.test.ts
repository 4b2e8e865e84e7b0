import { describe, expect, it, vi } from 'vitest';
import { FakeView } from './fixtures.js';
import { gridCase } from '../widgets/fixtures.js';
import type { CaseView } from '../../../../client/src/live/cases/views.js';
import { cats, settle, setup, useViewClock } from './case-views-harness.js';

useViewClock();

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
