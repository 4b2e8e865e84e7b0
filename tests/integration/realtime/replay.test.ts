import { describe, expect, it } from 'vitest';
import type { LiveTopic, TopicItems } from '../../../shared/contracts/live.js';
import { fakeSnapshot, record, useLiveServer, waitFor, type LiveServerHandle } from './live-harness.js';
import { gridCase, JIANGCHENG } from './live-items.js';

describe('live hub: replay with since', () => {
  const live = useLiveServer();
  const connect = () => live.connect('leader-token');
  const publishOne = async (id: string) => {
    live.server.hub.publish('grid', [gridCase(id, JIANGCHENG)]);
    await live.server.hub.flush();
  };

  it('gives a reconnecting client exactly the deltas it missed, then live ones without duplicates', async () => {
    await live.start({ snapshot: fakeSnapshot({ grid: [gridCase('current', JIANGCHENG)] }) });
    const first = await connect();
    const seen = record(first);
    await first.emitWithAck('live:subscribe', { topics: ['grid'] });
    await publishOne('a');
    await publishOne('b');
    await waitFor(() => seen.deltas.length === 2, 'two deltas before the disconnect');
    const lastSeen = seen.deltas[1]!.seq;
    first.close();

    for (const id of ['c', 'd', 'e']) await publishOne(id);

    const again = await connect();
    const pushed = record(again);
    const res = await again.emitWithAck('live:subscribe', { topics: ['grid'], since: { grid: lastSeen } });
    if (!res.ok) throw new Error(res.error.message);
    const grid = res.data.topics.grid!;
    expect(grid.snapshot).toBeUndefined();
    expect(grid.seq).toBe(lastSeen + 3);
    expect(grid.missed!.map((d) => [d.seq, d.items.map((i) => i.id)])).toEqual([
      [lastSeen + 1, ['c']],
      [lastSeen + 2, ['d']],
      [lastSeen + 3, ['e']],
    ]);

    await publishOne('f');
    await waitFor(() => pushed.deltas.length >= 1, 'the next live delta');
    expect(pushed.deltas.map((d) => d.seq)).toEqual([lastSeen + 4]);
  });

  it('answers a client that is current with no missed deltas and no snapshot', async () => {
    await live.start();
    await publishOne('a');
    const client = await connect();
    const res = await client.emitWithAck('live:subscribe', { topics: ['grid'], since: { grid: 1 } });
    expect(res).toEqual({ ok: true, data: { topics: { grid: { seq: 1, missed: [] } } } });
  });

  it('answers a since older than the kept log (pruned periodically by the hub) with a snapshot', async () => {
    const state = [gridCase('s1', JIANGCHENG), gridCase('s2', JIANGCHENG)];
    await live.start({ snapshot: fakeSnapshot({ grid: state }), hub: { retention: { maxDeltasPerTopic: 2, maxAgeMs: 3600_000, pruneIntervalMs: 20 } } });
    for (const id of ['a', 'b', 'c', 'd', 'e']) await publishOne(id);
    await new Promise((r) => setTimeout(r, 100));
    const client = await connect();
    const res = await client.emitWithAck('live:subscribe', { topics: ['grid'], since: { grid: 1 } });
    expect(res).toEqual({ ok: true, data: { topics: { grid: { seq: 5, snapshot: state } } } });
    // Still inside the kept log: exact replay.
    const recent = await client.emitWithAck('live:subscribe', { topics: ['grid'], since: { grid: 3 } });
    if (!recent.ok) throw new Error(recent.error.message);
    expect(recent.data.topics.grid!.missed!.map((d) => d.seq)).toEqual([4, 5]);
  });

  it('answers a since ahead of the server (database reset) with a snapshot', async () => {
    const state = [gridCase('s1', JIANGCHENG)];
    await live.start({ snapshot: fakeSnapshot({ grid: state }) });
    await publishOne('a');
    const client = await connect();
    const res = await client.emitWithAck('live:subscribe', { topics: ['grid'], since: { grid: 40 } });
    expect(res).toEqual({ ok: true, data: { topics: { grid: { seq: 1, snapshot: state } } } });
  });

  it('holds deltas flushed while a subscribe is answered and sends them after the ack', async () => {
    let hubRef: LiveServerHandle['hub'] | undefined;
    // The snapshot read races with a publish: the delta commits after the ack's seq was read.
    const racing = async <T extends LiveTopic>(_topic: T): Promise<TopicItems[T][]> => {
      hubRef!.publish('grid', [gridCase('raced', JIANGCHENG)]);
      await hubRef!.flush();
      return [];
    };
    const server = await live.start({ snapshot: racing });
    hubRef = server.hub;
    const client = await connect();
    const events: string[] = [];
    client.on('live:delta', (d) => events.push(`delta ${d.seq} ${d.items.map((i) => i.id).join(',')}`));
    // Recorded inside the ack callback: an awaited promise would resolve after later packets.
    client.emit('live:subscribe', { topics: ['grid'] }, (res) => events.push(res.ok ? `ack ${res.data.topics.grid!.seq}` : 'refused'));
    await waitFor(() => events.length >= 2, 'the held delta');
    await publishOne('later');
    await waitFor(() => events.length >= 3, 'the next live delta');
    expect(events).toEqual(['ack 0', 'delta 1 raced', 'delta 2 later']);
  });
});
