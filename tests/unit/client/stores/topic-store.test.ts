import { createPinia, setActivePinia } from 'pinia';
import { computed } from 'vue';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAlertsStore, useEnvStore } from '../../../../client/src/stores/streams.js';
import { defineTopicStore, type TopicChange } from '../../../../client/src/stores/topic-store.js';
import { airReading, alert, gridCase } from '../fixtures/shell-items.js';

beforeEach(() => setActivePinia(createPinia()));

/** A store of cases as a page topic would keep them (the app keeps cases in the live worker). */
const useGridStore = defineTopicStore('grid', { isDrill: (c) => c.exercise, time: (c) => Date.parse(c.updatedAt) });

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

  it("tells each partition's listeners exactly what changed there, and stops after unsubscribe", () => {
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

  it('never lets a drill reading replace the real reading of the same station, nor the other way round', () => {
    const env = useEnvStore();
    const real = vi.fn();
    env.onChange('real', real);
    env.applySnapshot([airReading('s1', { id: 'r1', values: { pm25: 20 } })]);
    env.applyDelta([airReading('s1', { id: 'd1', exercise: true, values: { pm25: 5 } })]);
    expect(env.real.get('s1')!.id).toBe('r1');
    expect(env.drill.get('s1')!.id).toBe('d1');
    expect(real).toHaveBeenCalledTimes(1);
    env.applyDelta([airReading('s1', { id: 'r2', values: { pm25: 22 } })]);
    expect(env.drill.get('s1')!.id).toBe('d1');
    expect(env.real.get('s1')!.id).toBe('r2');
  });

  it("keeps both partitions of a freshly opened screen: the server's snapshot holds each station's latest real and drill reading", () => {
    const env = useEnvStore();
    env.applySnapshot([airReading('s1', { id: 'r1' }), airReading('s2', { id: 'r2' }), airReading('s1', { id: 'd1', exercise: true })]);
    expect([...env.real.keys()].sort()).toEqual(['s1', 's2']);
    expect([...env.drill.keys()]).toEqual(['s1']);
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

  it("never lets a back-filled or re-assessed past reading hide a station's latest, yet tells listeners of it", () => {
    const env = useEnvStore();
    env.applySnapshot([airReading('s1', { observedAt: '2026-11-22T07:00:00Z', values: { pm25: 40 } })]);
    const seen: number[] = [];
    env.onChange('real', ({ items }) => seen.push(...items.map((o) => o.values.pm25!)));
    env.applyDelta([airReading('s1', { observedAt: '2026-11-21T07:00:00Z', values: { pm25: 90 } })]);
    expect(env.real.get('s1')!.values.pm25).toBe(40);
    env.applyDelta([airReading('s1', { observedAt: '2026-11-22T07:00:00Z', values: { pm25: 40 }, assessment: { aqi: 57, breach: false } })]);
    expect(env.real.get('s1')!.assessment.aqi).toBe(57);
    expect(seen).toEqual([90, 40]);
  });
});
