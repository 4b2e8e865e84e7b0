import { describe, expect, it, vi } from 'vitest';
import { FakeView } from './fixtures.js';
import { gridCase } from '../widgets/fixtures.js';
import { cats, settle, setup, useViewClock } from './case-views-harness.js';

useViewClock();

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
