import { createPinia, setActivePinia } from 'pinia';
import { computed } from 'vue';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAlertsStore, useEnvStore, useGridStore } from '../../../../client/src/stores/streams.js';
import { defineTopicStore, type TopicChange } from '../../../../client/src/stores/topic-store.js';
import { packItems, unpackItems, type PackedItems } from '../../../../shared/contracts/packed.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { airReading, alert, gridCase } from '../fixtures/shell-items.js';

beforeEach(() => setActivePinia(createPinia()));

/** A packed delta as it arrives over the socket (JSON, so no object is shared with the test). */
function packed(items: object[]): PackedItems {
  const p = packItems(items);
  if (!p) throw new Error('items do not pack');
  return JSON.parse(JSON.stringify(p)) as PackedItems;
}

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

describe('topic store: packed deltas', () => {
  it('merges a packed row into the stored case, keeping the object and every unchanged value', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('a', { title: '井盖缺失' }), gridCase('b')]);
    const a = grid.real.get('a')!;
    const b = grid.real.get('b')!;
    const aLocation = a.location;
    const bLocation = b.location;
    const next = gridCase('a', { title: '井盖缺失', status: 'closed', department: '城管局', overdue: true, updatedAt: '2026-11-22T09:00:00.000Z' });
    const nextB = gridCase('b', { location: { lon: 112.01, lat: 21.9 } });
    grid.applyPacked(packed([next, nextB]));

    expect(grid.real.get('a')).toBe(a);
    expect(a).toEqual(next);
    expect(a.status).toBe('closed');
    expect(a.department).toBe('城管局');
    expect(a.overdue).toBe(true);
    // An equal nested location is not replaced by the one that came over the wire.
    expect(a.location).toBe(aLocation);
    // A changed one is.
    expect(grid.real.get('b')).toBe(b);
    expect(b.location).not.toBe(bLocation);
    expect(b.location).toEqual({ lon: 112.01, lat: 21.9 });
    expect(bLocation).toEqual({ lon: 111.98, lat: 21.86 });
    expect(grid.real.size).toBe(2);
  });

  it('adds unknown cases and gives listeners the stored objects', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('a')]);
    const a = grid.real.get('a')!;
    const real = vi.fn<(c: TopicChange<GridCase>) => void>();
    const drill = vi.fn();
    grid.onChange('real', real);
    grid.onChange('drill', drill);
    const newCase = gridCase('new', { title: '占道经营' });
    grid.applyPacked(packed([gridCase('a', { status: 'dispatched' }), newCase]));

    expect([...grid.real.keys()]).toEqual(['a', 'new']);
    expect(grid.real.get('new')).toEqual(newCase);
    expect(real).toHaveBeenCalledTimes(1);
    expect(drill).not.toHaveBeenCalled();
    const change = real.mock.calls[0]![0];
    expect(change.reset).toBe(false);
    expect(change.items).toHaveLength(2);
    expect(change.items[0]).toBe(a);
    expect(change.items[0]!.status).toBe('dispatched');
    expect(change.items[1]).toBe(grid.real.get('new'));

    // A case first added by a packed delta is itself updated in place by the next one.
    const added = grid.real.get('new')!;
    grid.applyPacked(packed([gridCase('new', { title: '占道经营', status: 'closed' })]));
    expect(grid.real.get('new')).toBe(added);
    expect(added.status).toBe('closed');
    expect(real.mock.calls[1]![0].items[0]).toBe(added);
  });

  it('is reactive for computeds reading a partition', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('a')]);
    const closed = computed(() => [...grid.real.values()].filter((c) => c.status === 'closed').length);
    expect(closed.value).toBe(0);
    grid.applyPacked(packed([gridCase('a', { status: 'closed' })]));
    expect(closed.value).toBe(1);
  });

  it('moves a case whose drill flag flips to the other partition, as the same object', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('a'), gridCase('b')]);
    const a = grid.real.get('a')!;
    const real = vi.fn();
    const drill = vi.fn();
    grid.onChange('real', real);
    grid.onChange('drill', drill);

    grid.applyPacked(packed([gridCase('a', { exercise: true })]));
    expect([...grid.real.keys()]).toEqual(['b']);
    expect([...grid.drill.keys()]).toEqual(['a']);
    expect(grid.drill.get('a')).toBe(a);
    expect(a.exercise).toBe(true);
    expect(drill).toHaveBeenCalledWith({ items: [a], reset: false });
    expect(real).not.toHaveBeenCalled();

    grid.applyPacked(packed([gridCase('a', { exercise: false })]));
    expect([...grid.real.keys()]).toEqual(['b', 'a']);
    expect([...grid.drill.keys()]).toEqual([]);
    expect(grid.real.get('a')).toBe(a);
    expect(real).toHaveBeenCalledWith({ items: [a], reset: false });
  });

  it('marks the stream as heard when a packed delta arrives', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-22T08:00:00Z') });
    try {
      const grid = useGridStore();
      grid.applySnapshot([gridCase('a', { updatedAt: '2026-11-22T07:00:00Z' })]);
      expect(grid.lastHeard.grid).toBe(Date.parse('2026-11-22T07:00:00Z'));
      vi.advanceTimersByTime(5000);
      grid.applyPacked(packed([gridCase('a'), gridCase('b')]));
      expect(grid.lastHeard.grid).toBe(Date.now());

      const env = useEnvStore();
      env.applyPacked(packed([airReading('s1'), airReading('w1', { kind: 'water', values: { cod: 12 } })]));
      expect(env.lastHeard).toEqual({ air: Date.now(), water: Date.now() });
    } finally {
      vi.useRealTimers();
    }
  });

  it('builds new objects, like applyDelta, in a store that does not update in place', () => {
    const useCases = defineTopicStore('grid', { isDrill: (c) => c.exercise, time: (c) => Date.parse(c.updatedAt) });
    const cases = useCases();
    cases.applySnapshot([gridCase('a')]);
    const a = cases.real.get('a')!;
    const before = structuredClone(a);
    const seen = vi.fn<(c: TopicChange<GridCase>) => void>();
    cases.onChange('real', seen);
    const p = packed([gridCase('a', { status: 'closed' }), gridCase('b'), gridCase('d', { exercise: true })]);
    const rows = unpackItems<GridCase>(p);
    cases.applyPacked(p);

    expect(cases.real.get('a')).not.toBe(a);
    expect(a).toEqual(before);
    expect([...cases.real.values()]).toEqual(rows.slice(0, 2));
    expect([...cases.drill.values()]).toEqual([rows[2]]);
    expect(seen).toHaveBeenCalledWith({ items: rows.slice(0, 2), reset: false });
    expect(seen.mock.calls[0]![0].items[0]).toBe(cases.real.get('a'));
  });

  it('upserts packed readings by the store\'s own key', () => {
    const env = useEnvStore();
    env.applyPacked(packed([airReading('s1', { id: 'r1', values: { pm25: 30 } }), airReading('s2', { id: 'r2' })]));
    env.applyPacked(packed([airReading('s1', { id: 'r3', values: { pm25: 80 } })]));
    expect([...env.real.keys()]).toEqual(['s1', 's2']);
    expect(env.real.get('s1')).toMatchObject({ id: 'r3', values: { pm25: 80 } });
  });
});
