import { describe, expect, it } from 'vitest';
import type { LiveDelta, LiveTopic } from '../../../../shared/contracts/live.js';
import { ReorderBuffer } from '../../../../server/src/realtime/reorder-buffer.js';

const delta = (seq: number, topic: LiveTopic = 'grid'): LiveDelta => ({ topic, seq, items: [] });

function setup(log: Record<number, LiveDelta> = {}) {
  const delivered: number[] = [];
  const skipped: [number, number][] = [];
  let fills = 0;
  const buffer = new ReorderBuffer({
    deliver: (d) => delivered.push(d.seq),
    fetchRange: async (_topic, after, to) => {
      fills++;
      return Object.values(log).filter((d) => d.seq > after && d.seq <= to);
    },
    onSkip: (_topic, from, to) => skipped.push([from, to]),
    gapTimeoutMs: 10,
  });
  return { buffer, delivered, skipped, fills: () => fills };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('ReorderBuffer', () => {
  it('delivers in seq order and drops duplicates', () => {
    const { buffer, delivered } = setup();
    buffer.init('grid', 4);
    for (const seq of [5, 7, 6, 6, 5, 4, 8]) buffer.push(delta(seq));
    expect(delivered).toEqual([5, 6, 7, 8]);
    expect(buffer.lastDelivered('grid')).toBe(8);
    buffer.close();
  });

  it('keeps topics apart', () => {
    const { buffer, delivered } = setup();
    buffer.push(delta(1, 'env'));
    buffer.push(delta(2, 'grid'));
    expect(delivered).toEqual([1]);
    expect(buffer.pendingCount()).toBe(1);
    buffer.close();
  });

  it('fills a gap that stays open from the log', async () => {
    const { buffer, delivered, skipped } = setup({ 2: delta(2), 3: delta(3) });
    buffer.push(delta(1));
    buffer.push(delta(4));
    await until(() => delivered.length === 4);
    expect(delivered).toEqual([1, 2, 3, 4]);
    expect(skipped).toEqual([]);
    buffer.close();
  });

  it('skips seqs the log no longer holds so later deltas still flow', async () => {
    const { buffer, delivered, skipped } = setup();
    buffer.push(delta(1));
    buffer.push(delta(3));
    await until(() => delivered.length === 2);
    expect(delivered).toEqual([1, 3]);
    expect(skipped).toEqual([[2, 2]]);
    buffer.close();
  });

  it('does not read the log when the late delta arrives in time', () => {
    const { buffer, delivered, fills } = setup();
    buffer.push(delta(2));
    buffer.push(delta(1));
    expect(delivered).toEqual([1, 2]);
    expect(fills()).toBe(0);
    buffer.close();
  });
});
