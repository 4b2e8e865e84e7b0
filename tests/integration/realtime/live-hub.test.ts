import { describe, expect, it } from 'vitest';
import type { Db } from '../../../server/src/store/db.js';
import { openTestDb } from '../../helpers/test-db.js';
import { barrier, connectClient, fakeSnapshot, record, startLiveServer, useLiveServer, waitFor } from './live-harness.js';
import { gridCase, JIANGCHENG, observation, YANGDONG } from './live-items.js';
import { asciiParser } from '../../../server/src/realtime/ascii-parser.js';

describe('live hub: connect, subscribe, deltas', () => {
  const live = useLiveServer();

  it('refuses a connection without a token', async () => {
    const server = await live.start();
    await expect(connectClient(server.url)).rejects.toThrow(/unauthorized: missing token/);
  });

  it('refuses a connection with a bad token', async () => {
    const server = await live.start();
    await expect(connectClient(server.url, 'forged')).rejects.toThrow(/unauthorized: invalid/);
  });

  it('answers a subscribe with the current seq and a snapshot', async () => {
    const items = [gridCase('a', JIANGCHENG), gridCase('b', YANGDONG)];
    await live.start({ snapshot: fakeSnapshot({ grid: items }) });
    const client = await live.connect('leader-token');
    const res = await client.emitWithAck('live:subscribe', { topics: ['grid'] });
    expect(res).toEqual({ ok: true, data: { topics: { grid: { seq: 0, snapshot: items } } } });
  });

  it('answers screens subscribing together from shared snapshot reads, though it sends the answers a few at a time', async () => {
    const items = [gridCase('a', JIANGCHENG), gridCase('b', YANGDONG)];
    let reads = 0;
    const source = fakeSnapshot({ grid: items });
    await live.start({
      // a read takes a while, as on a busy database: the subscribes all arrive meanwhile
      snapshot: async (topic, districts) => {
        reads++;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return source(topic, districts);
      },
      hub: { concurrentAnswers: 2 },
    });
    const clients = await Promise.all(Array.from({ length: 12 }, () => live.connect('leader-token')));
    const answers = await Promise.all(clients.map((c) => c.emitWithAck('live:subscribe', { topics: ['grid'] })));
    for (const res of answers) expect(res).toEqual({ ok: true, data: { topics: { grid: { seq: 0, snapshot: items } } } });
    // one read in flight and one queued behind it; answering two at a time, reads taken in turn would be 6 or more
    expect(reads).toBeLessThanOrEqual(3);
  });

  it('sends snapshots to websockets as the same shared frames, read by clients as the answer they would otherwise get', async () => {
    const grid = Array.from({ length: 200 }, (_, i) => gridCase(`c${i}`, i % 2 ? JIANGCHENG : YANGDONG, `井盖缺失 ${i}`));
    const env = [observation('s1', JIANGCHENG, '江')];
    const server = await live.start({ snapshot: fakeSnapshot({ grid, env }), io: { parser: asciiParser } });
    const shared: unknown[] = [];
    server.io.of('/live').on('connection', (socket) => {
      socket.conn.on('packetCreate', (packet: { options?: { wsPreEncodedFrame?: unknown[] } }) => {
        const frames = packet.options?.wsPreEncodedFrame;
        if (frames?.length === 2) shared.push(frames[1]);
      });
    });
    const clients = [await live.connect('leader-token'), await live.connect('leader-token'), await live.connect('leader-token', 'polling')];
    const answers = [];
    for (const c of clients) answers.push(await c.emitWithAck('live:subscribe', { topics: ['grid', 'env'] }));
    for (const res of answers) expect(res).toEqual({ ok: true, data: { topics: { grid: { seq: 0, snapshot: grid }, env: { seq: 0, snapshot: env } } } });
    // two snapshots to each of the two websockets, the second socket sent the first one's buffers; none for long polling
    expect(shared).toHaveLength(4);
    expect(shared[2]).toBe(shared[0]);
    expect(shared[3]).toBe(shared[1]);
  });

  it('sends no shared frames where the websocket compresses, and the answer is the same', async () => {
    const grid = [gridCase('a', JIANGCHENG, '井盖缺失')];
    const server = await live.start({ snapshot: fakeSnapshot({ grid }), io: { parser: asciiParser, perMessageDeflate: { threshold: 0 } } });
    let framed = 0;
    server.io.of('/live').on('connection', (socket) => {
      socket.conn.on('packetCreate', (packet: { options?: { wsPreEncodedFrame?: unknown } }) => void (packet.options?.wsPreEncodedFrame && framed++));
    });
    const client = await live.connect('leader-token');
    expect(await client.emitWithAck('live:subscribe', { topics: ['grid'] })).toEqual({ ok: true, data: { topics: { grid: { seq: 0, snapshot: grid } } } });
    expect(framed).toBe(0);
  });

  it('pushes a published item as the next seq of its topic', async () => {
    const server = await live.start();
    const client = await live.connect('leader-token');
    const got = record(client);
    const res = await client.emitWithAck('live:subscribe', { topics: ['grid', 'env'] });
    if (!res.ok) throw new Error(res.error.message);
    const seq = res.data.topics.grid!.seq;
    server.hub.publish('grid', [gridCase('c1', JIANGCHENG)]);
    await server.hub.flush();
    await waitFor(() => got.deltas.length >= 1, 'first delta');
    expect(got.deltas[0]).toEqual({ topic: 'grid', seq: seq + 1, items: [gridCase('c1', JIANGCHENG)] });
    server.hub.publish('grid', [gridCase('c2', JIANGCHENG)]);
    await server.hub.flush();
    await waitFor(() => got.deltas.length >= 2, 'second delta');
    expect(got.deltas[1]!.seq).toBe(seq + 2);
    expect(await server.hub.currentSeq('grid')).toBe(seq + 2);
  });

  it('sends a burst published within one window as one delta, not one per item', async () => {
    const server = await live.start({ hub: { flushIntervalMs: 20 } });
    const client = await live.connect('leader-token');
    const got = record(client);
    await client.emitWithAck('live:subscribe', { topics: ['env'] });
    for (let i = 0; i < 500; i++) server.hub.publish('env', [observation(`o${i}`, JIANGCHENG)]);
    await waitFor(() => got.deltas.reduce((n, d) => n + d.items.length, 0) >= 500, '500 items');
    expect(got.deltas.length).toBe(1);
    expect(got.deltas[0]!.items.map((o) => o.id)).toEqual(Array.from({ length: 500 }, (_, i) => `o${i}`));
    expect(server.hub.stats()).toMatchObject({ deltasFlushed: 1, itemsFlushed: 500 });
  });

  it('answers a malformed subscribe with ok:false and keeps the connection usable', async () => {
    await live.start();
    const client = await live.connect('leader-token');
    const bad: unknown[] = [{ topics: [] }, { topics: ['weather'] }, 'grid', null, { topics: ['grid'], since: { grid: -1 } }, { topics: ['grid'], districts: ['jiangcheng'] }];
    for (const payload of bad) {
      const res = await client.emitWithAck('live:subscribe', payload as never);
      expect(res).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    // No payload at all, only the ack callback.
    const bare = await new Promise((resolve) => (client.emit as (ev: string, cb: (res: unknown) => void) => void)('live:subscribe', resolve));
    expect(bare).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const ok = await client.emitWithAck('live:subscribe', { topics: ['kpi'] });
    expect(ok.ok).toBe(true);
    expect(client.connected).toBe(true);
  });

  it('stops pushing a topic after live:unsubscribe', async () => {
    const server = await live.start();
    const client = await live.connect('leader-token');
    const got = record(client);
    await client.emitWithAck('live:subscribe', { topics: ['grid', 'env'] });
    const res = await client.emitWithAck('live:unsubscribe', { topics: ['grid'] });
    expect(res).toEqual({ ok: true, data: { topics: ['env'] } });
    server.hub.publish('grid', [gridCase('g', JIANGCHENG)]);
    server.hub.publish('env', [observation('o', JIANGCHENG)]);
    await server.hub.flush();
    await barrier(client);
    expect(got.deltas.map((d) => d.topic)).toEqual(['env']);
  });

  it('flush() also waits for a batch the timer is still writing', async () => {
    const db = await openTestDb();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    // The sequence write of the timer's batch waits at the gate.
    const gated: Db = Object.assign(Object.create(db) as Db, {
      async query(sql: string, params?: unknown[]) {
        if (sql.startsWith('update live_seq')) {
          held = true;
          await gate;
        }
        return db.query(sql, params);
      },
    });
    const server = await startLiveServer({ db: gated, hub: { flushIntervalMs: 1 } });
    try {
      server.hub.publish('grid', [gridCase('t1', JIANGCHENG)]);
      await waitFor(() => held, 'the timer to start writing its batch');
      let flushed = false;
      const flushing = server.hub.flush().then(() => (flushed = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(flushed).toBe(false);
      release();
      await flushing;
      expect(await server.hub.currentSeq('grid')).toBe(1);
    } finally {
      release();
      await server.close();
      await db.close();
    }
  });

  it('forgets a client once it disconnects', async () => {
    const server = await live.start();
    const client = await live.connect('leader-token');
    await client.emitWithAck('live:subscribe', { topics: ['grid', 'alerts'] });
    expect(server.hub.stats()).toMatchObject({ clients: 1, subscriptions: 2 });
    client.close();
    await waitFor(() => live.server.hub.stats().clients === 0, 'the server to see the disconnect');
    expect(server.hub.stats().subscriptions).toBe(0);
  });
});
