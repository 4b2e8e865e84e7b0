import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatcher } from '../../../../server/src/ingest/batcher.js';

describe('createBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(maxItems = 3, maxWaitMs = 200) {
    const batches: number[][] = [];
    let release: (() => void) | null = null;
    let hold = false;
    const b = createBatcher<number>({
      maxItems,
      maxWaitMs,
      flush: async (batch) => {
        batches.push(batch);
        if (hold) await new Promise<void>((r) => (release = r));
      },
    });
    return { b, batches, holdNext: () => (hold = true), release: () => release?.() };
  }

  it('flushes when the batch is full, without waiting', async () => {
    const { b, batches } = setup(3);
    [1, 2, 3, 4].forEach((n) => b.add(n));
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(b.pending).toBe(1);
  });

  it('flushes a partial batch once the oldest item has waited maxWaitMs', async () => {
    const { b, batches } = setup(10, 200);
    b.add(1);
    await vi.advanceTimersByTimeAsync(199);
    expect(batches).toEqual([]);
    b.add(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([[1, 2]]);
  });

  it('flushes one batch at a time, in order', async () => {
    const { b, batches, holdNext, release } = setup(2);
    holdNext();
    [1, 2, 3, 4].forEach((n) => b.add(n));
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([[1, 2]]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('makes room() wait while a full batch is being stored', async () => {
    const { b, holdNext, release } = setup(2);
    holdNext();
    b.add(1);
    let free = false;
    void b.room().then(() => (free = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(free).toBe(true);
    b.add(2);
    free = false;
    void b.room().then(() => (free = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(free).toBe(false);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(free).toBe(true);
  });

  it('drain() stores what is waiting', async () => {
    const { b, batches } = setup(10, 10_000);
    b.add(1);
    await b.drain();
    expect(batches).toEqual([[1]]);
    expect(b.pending).toBe(0);
  });

  it('keeps going after a flush throws, reporting it', async () => {
    const errors: unknown[] = [];
    const seen: number[][] = [];
    const b = createBatcher<number>({
      maxItems: 1,
      maxWaitMs: 10,
      flush: async (batch) => {
        seen.push(batch);
        if (batch[0] === 1) throw new Error('boom');
      },
      onError: (err) => errors.push(err),
    });
    b.add(1);
    b.add(2);
    await b.drain();
    expect(seen).toEqual([[1], [2]]);
    expect(errors).toHaveLength(1);
  });
});
