import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { shareSnapshots } from '../../../../server/src/realtime/snapshot-share.js';
import type { SnapshotFn } from '../../../../server/src/realtime/replay.js';

/** A snapshot source whose reads finish when the test says, numbered in the order they were sent. */
function controlledReads() {
  const reads: { topic: string; districts: string[] | null; finish: (items: unknown[]) => void; fail: (err: Error) => void }[] = [];
  const read = ((topic: string, districts: string[] | null) => new Promise<unknown[]>((finish, fail) => reads.push({ topic, districts, finish, fail }))) as unknown as SnapshotFn;
  return { reads, read };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('shared snapshot reads', () => {
  it('answers subscribers whose head was read after the read in flight was sent from one queued read, sent after it', async () => {
    const { reads, read } = controlledReads();
    const snapshot = shareSnapshots(read);
    const first = snapshot('grid', null, performance.now());
    // A thousand more whose heads were read after the first read went out: it may miss what they hold.
    const afterSend = performance.now() + 1;
    const later = Array.from({ length: 1000 }, () => snapshot('grid', null, afterSend));
    expect(reads).toHaveLength(1);
    reads[0]!.finish(['old']);
    expect(await first).toEqual(['old']);
    await tick();
    expect(reads).toHaveLength(2);
    reads[1]!.finish(['new']);
    for (const answer of await Promise.all(later)) expect(answer).toEqual(['new']);
  });

  it('lets a subscriber whose head was read before the send join the read in flight', async () => {
    const { reads, read } = controlledReads();
    const snapshot = shareSnapshots(read);
    const a = snapshot('alerts', ['441702'], performance.now());
    const b = snapshot('alerts', ['441702'], 0); // head read long before, so the read in flight holds it
    reads[0]!.finish(['x']);
    expect([await a, await b]).toEqual([['x'], ['x']]);
    expect(reads).toHaveLength(1);
  });

  it('never shares between topics or scopes, and reads again once nothing is in flight', async () => {
    const { reads, read } = controlledReads();
    const snapshot = shareSnapshots(read);
    const t = performance.now();
    const answers = [snapshot('grid', ['441702'], t), snapshot('grid', ['441704'], t), snapshot('grid', null, t), snapshot('alerts', null, t)];
    expect(reads.map((r) => `${r.topic}:${r.districts?.join() ?? '*'}`)).toEqual(['grid:441702', 'grid:441704', 'grid:*', 'alerts:*']);
    reads.forEach((r, i) => r.finish([i]));
    expect(await Promise.all(answers)).toEqual([[0], [1], [2], [3]]);
    await tick();
    void snapshot('grid', null, performance.now());
    expect(reads).toHaveLength(5);
  });

  it('passes a failed read to everyone who shared it, and the queued read still goes out', async () => {
    const { reads, read } = controlledReads();
    const snapshot = shareSnapshots(read);
    const first = snapshot('grid', null, performance.now());
    const queued = snapshot('grid', null, performance.now() + 1);
    reads[0]!.fail(new Error('timeout'));
    await expect(first).rejects.toThrow('timeout');
    await tick();
    reads[1]!.finish(['ok']);
    expect(await queued).toEqual(['ok']);
  });
});
