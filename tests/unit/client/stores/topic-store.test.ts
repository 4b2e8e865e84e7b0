import { createPinia, setActivePinia } from 'pinia';
import { computed } from 'vue';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { useAlertsStore, useEnvStore, useGridStore } from '../../../../client/src/stores/streams.js';
import { defineTopicStore, type TopicChange } from '../../../../client/src/stores/topic-store.js';
import { Mirror } from '../../../../client/src/live/mirror.js';
import type { TopicPatch } from '../../../../client/src/live/protocol.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { airReading, alert, gridCase } from '../fixtures/shell-items.js';

beforeEach(() => setActivePinia(createPinia()));

describe('topic store', () => {
  it('replaces everything on a snapshot and upserts by id on a delta', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('a'), gridCase('b')]);
    grid.applyDelta([gridCase('b', { status: 'closed' }), gridCase('c')]);
    expect([...grid.real.keys()]).toEqual(['a', 'b', 'c']);
    expect(grid.real.get('b')!.status).toBe('closed');
    grid.applySnapshot([gridCase('z')]);
    expect([...grid.real.keys()]).toEqual(['z']);
  });

  it('keeps drill items in their own partition, never in the real one', () => {
    const grid = useGridStore();
    grid.applyDelta([gridCase('real-1'), gridCase('drill-1', { exercise: true })]);
    expect([...grid.real.keys()]).toEqual(['real-1']);
    expect([...grid.drill.keys()]).toEqual(['drill-1']);
  });

  it('is reactive for computeds reading a partition', () => {
    const grid = useGridStore();
    const open = computed(() => grid.real.size);
    expect(open.value).toBe(0);
    grid.applyDelta([gridCase('a')]);
    expect(open.value).toBe(1);
  });

  it('evicts cancelled and expired alerts but still tells listeners once', () => {
    const alerts = useAlertsStore();
    const seen: TopicChange<unknown>[] = [];
    alerts.onChange('real', (c) => seen.push(c));
    alerts.applyDelta([alert('x'), alert('y')]);
    alerts.applyDelta([alert('x', { state: 'cancelled' }), alert('y', { state: 'expired' })]);
    expect(alerts.real.size).toBe(0);
    expect(seen.map((c) => c.items.length)).toEqual([2, 2]);
  });

  it('tells each partition\'s listeners exactly what changed there, and stops after unsubscribe', () => {
    const grid = useGridStore();
    const real = vi.fn();
    const drill = vi.fn();
    const off = grid.onChange('real', real);
    grid.onChange('drill', drill);
    grid.applyDelta([gridCase('a'), gridCase('d', { exercise: true })]);
    expect(real).toHaveBeenCalledWith({ items: [expect.objectContaining({ id: 'a' })], reset: false });
    expect(drill).toHaveBeenCalledWith({ items: [expect.objectContaining({ id: 'd' })], reset: false });
    grid.applyDelta([gridCase('d2', { exercise: true })]);
    expect(real).toHaveBeenCalledTimes(1);
    grid.applySnapshot([]);
    expect(real).toHaveBeenLastCalledWith({ items: [], reset: true });
    off();
    grid.applyDelta([gridCase('b')]);
    expect(real).toHaveBeenCalledTimes(2);
  });

  it('moves a case whose drill flag flips between the partitions on a plain delta', () => {
    const grid = useGridStore();
    grid.applyDelta([gridCase('a')]);
    grid.applyDelta([gridCase('a', { exercise: true })]);
    expect([...grid.real.keys()]).toEqual([]);
    expect([...grid.drill.keys()]).toEqual(['a']);
  });

  it('keeps the latest reading per station and dates freshness per station kind', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-22T08:00:00Z') });
    try {
      const env = useEnvStore();
      env.applySnapshot([airReading('s1', { observedAt: '2026-11-22T07:00:00Z' })]);
      expect(env.lastHeard.air).toBe(Date.parse('2026-11-22T07:00:00Z'));
      vi.advanceTimersByTime(5000);
      env.applyDelta([airReading('s1', { values: { pm25: 80 } })]);
      expect(env.real.size).toBe(1);
      expect(env.real.get('s1')!.values.pm25).toBe(80);
      expect(env.lastHeard.air).toBe(Date.now());
      expect(env.lastHeard.water).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('topic store: patches from the live worker', () => {
  /** The worker's side: a mirror seeded like the store; its patches cross a structured clone, as postMessage does. */
  function worker(seed: GridCase[] = []) {
    const mirror = new Mirror<GridCase>();
    mirror.reset(seed);
    return (items: GridCase[]): TopicPatch<GridCase> => structuredClone(mirror.diff(items));
  }

  it('merges the changed fields into the stored case, keeping the object and every other value', () => {
    const grid = useGridStore();
    const seed = [gridCase('a', { title: '井盖缺失' }), gridCase('b')];
    const patch = worker(seed);
    grid.applySnapshot(structuredClone(seed));
    const a = grid.real.get('a')!;
    const b = grid.real.get('b')!;
    const aLocation = a.location;
    const next = gridCase('a', { title: '井盖缺失', status: 'closed', department: '城管局', overdue: true, updatedAt: '2026-11-22T09:00:00.000Z' });
    const nextB = gridCase('b', { location: { lon: 112.01, lat: 21.9 } });
    grid.applyPatch(patch([next, nextB]));

    expect(grid.real.get('a')).toBe(a);
    expect(a).toEqual(next);
    // An equal nested location is not sent, so the stored one stays.
    expect(a.location).toBe(aLocation);
    expect(grid.real.get('b')).toBe(b);
    expect(b.location).toEqual({ lon: 112.01, lat: 21.9 });
    expect(grid.real.size).toBe(2);
  });

  it('shares a status sent to many cases as one string, as the packed group sends it', () => {
    const grid = useGridStore();
    const patch = worker([gridCase('a'), gridCase('b')]);
    grid.applySnapshot([gridCase('a'), gridCase('b')]);
    const p = patch([gridCase('a', { status: 'closed' }), gridCase('b', { status: 'closed' })]);
    expect(p.changed).toEqual([{ keys: ['id', 'status'], coded: [1], dict: ['closed'], rows: [['a', 0], ['b', 0]] }]);
    grid.applyPatch(p);
    expect(grid.real.get('a')!.status).toBe('closed');
    expect(grid.real.get('b')!.status).toBe('closed');
  });

  it('pools shared fields without changing any value or adding fields', () => {
    // String identity cannot be seen from JavaScript (the saving shows in a heap snapshot, see
    // docs/BENCHMARKS.md); what must hold is that pooling changes nothing else.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-22T08:00:00Z') });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const grid = useGridStore();
    const patch = worker([gridCase('a')]);
    grid.applySnapshot(structuredClone([gridCase('a')]));
    const { gridCell: _absent, ...withoutCell } = gridCase('c', { category: 'road_damage', status: 'closed', department: '城管局' });
    grid.applyDelta(structuredClone([withoutCell as GridCase]));
    grid.applyPatch(patch([gridCase('a', { status: 'closed', district: '441704' })]));
    expect(grid.real.get('a')).toEqual(gridCase('a', { status: 'closed', district: '441704' }));
    expect(grid.real.get('c')).toEqual(withoutCell);
    expect('gridCell' in grid.real.get('c')!).toBe(false);
  });

  it('adds unknown cases and gives listeners the stored objects, unchanged ones included', () => {
    const grid = useGridStore();
    const patch = worker([gridCase('a'), gridCase('b')]);
    grid.applySnapshot([gridCase('a'), gridCase('b')]);
    const a = grid.real.get('a')!;
    const real = vi.fn<(c: TopicChange<GridCase>) => void>();
    const drill = vi.fn();
    grid.onChange('real', real);
    grid.onChange('drill', drill);
    const newCase = gridCase('new', { title: '占道经营' });
    grid.applyPatch(patch([gridCase('a', { status: 'dispatched' }), gridCase('b'), newCase]));

    expect([...grid.real.keys()]).toEqual(['a', 'b', 'new']);
    expect(grid.real.get('new')).toEqual(newCase);
    expect(real).toHaveBeenCalledTimes(1);
    expect(drill).not.toHaveBeenCalled();
    const change = real.mock.calls[0]![0];
    expect(change.reset).toBe(false);
    expect(new Set(change.items)).toEqual(new Set([a, grid.real.get('b'), grid.real.get('new')]));
    expect(a.status).toBe('dispatched');

    // A case first added by a patch is itself updated in place by the next one.
    const added = grid.real.get('new')!;
    grid.applyPatch(patch([gridCase('new', { title: '占道经营', status: 'closed' })]));
    expect(grid.real.get('new')).toBe(added);
    expect(added.status).toBe('closed');
    expect(real.mock.calls[1]![0].items).toEqual([added]);
  });

  it('is reactive for computeds reading a partition', () => {
    const grid = useGridStore();
    const patch = worker([gridCase('a')]);
    grid.applySnapshot([gridCase('a')]);
    const closed = computed(() => [...grid.real.values()].filter((c) => c.status === 'closed').length);
    expect(closed.value).toBe(0);
    grid.applyPatch(patch([gridCase('a', { status: 'closed' })]));
    expect(closed.value).toBe(1);
  });

  it('moves a case whose drill flag flips to the other partition, as the same object', () => {
    const grid = useGridStore();
    const patch = worker([gridCase('a'), gridCase('b')]);
    grid.applySnapshot([gridCase('a'), gridCase('b')]);
    const a = grid.real.get('a')!;
    const real = vi.fn();
    const drill = vi.fn();
    grid.onChange('real', real);
    grid.onChange('drill', drill);

    grid.applyPatch(patch([gridCase('a', { exercise: true })]));
    expect([...grid.real.keys()]).toEqual(['b']);
    expect([...grid.drill.keys()]).toEqual(['a']);
    expect(grid.drill.get('a')).toBe(a);
    expect(a.exercise).toBe(true);
    expect(drill).toHaveBeenCalledWith({ items: [a], reset: false });
    expect(real).not.toHaveBeenCalled();

    grid.applyPatch(patch([gridCase('a', { exercise: false })]));
    expect([...grid.real.keys()]).toEqual(['b', 'a']);
    expect([...grid.drill.keys()]).toEqual([]);
    expect(grid.real.get('a')).toBe(a);
    expect(real).toHaveBeenCalledWith({ items: [a], reset: false });
  });

  it('marks the stream as heard when a patch arrives, even one that changes nothing', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-22T08:00:00Z') });
    try {
      const grid = useGridStore();
      const patch = worker([gridCase('a', { updatedAt: '2026-11-22T07:00:00Z' })]);
      grid.applySnapshot([gridCase('a', { updatedAt: '2026-11-22T07:00:00Z' })]);
      expect(grid.lastHeard.grid).toBe(Date.parse('2026-11-22T07:00:00Z'));
      vi.advanceTimersByTime(5000);
      grid.applyPatch(patch([gridCase('a', { updatedAt: '2026-11-22T07:00:00Z' })]));
      expect(grid.lastHeard.grid).toBe(Date.now());
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a patch for an item it does not hold, and a store not keyed by id', () => {
    const grid = useGridStore();
    expect(() => grid.applyPatch({ added: [], changed: [{ keys: ['id', 'status'], coded: [], dict: [], rows: [['ghost', 'closed']] }] })).toThrow(/unknown item ghost/);
    expect(grid.real.size).toBe(0);
    expect(() => useEnvStore().applyPatch({ added: [], changed: [] })).toThrow(/keyed by id/);
  });
});
