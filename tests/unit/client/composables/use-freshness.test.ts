import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope, watch } from 'vue';

// The app's one clock is a module singleton: load it afresh under each test's fake timers.
let useFreshness: typeof import('../../../../client/src/composables/useFreshness.js').useFreshness;
let useGridStore: typeof import('../../../../client/src/stores/streams.js').useGridStore;

describe('useFreshness', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T09:00:00+08:00') });
    vi.resetModules();
    ({ useFreshness } = await import('../../../../client/src/composables/useFreshness.js'));
    ({ useGridStore } = await import('../../../../client/src/stores/streams.js'));
    setActivePinia(createPinia());
  });
  afterEach(() => vi.useRealTimers());

  /** The live worker's summary of the case stream after a delta: it spoke now. */
  const spoke = (n: number) => ({ heard: { grid: Date.now() }, sizes: { real: n, drill: 0 } });

  it('keeps its value while a busy source keeps speaking, so frames do not re-render per delta', async () => {
    const scope = effectScope();
    const grid = useGridStore();
    const seen: string[] = [];
    scope.run(() => {
      const freshness = useFreshness(['grid']);
      watch(freshness, (f) => seen.push(f.state), { flush: 'sync' });
      expect(freshness.value.state).toBe('unknown');
      grid.applySummary(spoke(1));
      expect(freshness.value.state).toBe('fresh');
      const first = freshness.value;
      for (let i = 0; i < 20; i++) {
        vi.advanceTimersByTime(100);
        grid.applySummary(spoke(i + 2));
        expect(freshness.value).toBe(first);
      }
    });
    expect(seen).toEqual(['fresh']);
    scope.stop();
  });

  it('still turns stale when the source falls silent, and recovers when it speaks', () => {
    const scope = effectScope();
    const grid = useGridStore();
    scope.run(() => {
      const freshness = useFreshness(['grid']);
      grid.applySummary(spoke(1));
      vi.advanceTimersByTime(3_600_000);
      expect(freshness.value.state).toBe('stale');
      expect(freshness.value.ageMs).toBeGreaterThanOrEqual(3_599_000);
      grid.applySummary(spoke(2));
      expect(freshness.value).toEqual({ state: 'fresh', ageMs: 0 });
    });
    scope.stop();
  });
});
