import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../server/src/store/db.js';
import { migrate } from '../../../server/src/store/migrate.js';
import { attachRedisAdapter, createDeltaLogRepository } from '../../../server/src/realtime/index.js';
import { connectClient, record, startLiveServer, waitFor, type LiveClient, type LiveServerHandle } from './live-harness.js';
import { gridCase, JIANGCHENG } from './live-items.js';

const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = 'redis://127.0.0.1:6379';

/** Two nodes, each its own io server, hub and pool, sharing one schema and one Redis. */
describe('live hub: two nodes over PostgreSQL and Redis', () => {
  let admin: pg.Client;
  let schema: string;
  const dbs: Db[] = [];
  const nodes: LiveServerHandle[] = [];
  const redis: { close(): Promise<void> }[] = [];
  const clients: LiveClient[] = [];

  beforeEach(async () => {
    schema = `live_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const n of nodes.splice(0)) await n.close();
    for (const r of redis.splice(0)) await r.close();
    for (const d of dbs.splice(0)) await d.close();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  async function startNode(key: string, gapTimeoutMs = 1000): Promise<LiveServerHandle> {
    const db = await openDb({ databaseUrl: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`, dataDir: '' });
    dbs.push(db);
    await migrate(db);
    const node = await startLiveServer({
      db,
      hub: { gapTimeoutMs },
      beforeHub: async (io) => void redis.push(await attachRedisAdapter(io, REDIS_URL, { key })),
    });
    nodes.push(node);
    return node;
  }

  /** Waits until both nodes listen on Redis, so no forwarded delta is published into the void. */
  async function bothSubscribed(a: LiveServerHandle, b: LiveServerHandle) {
    for (let i = 0; i < 200; i++) {
      const counts = await Promise.all([a, b].map((n) => n.io.of('/live').adapter.serverCount()));
      if (counts.every((c) => c >= 2)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('redis adapter did not subscribe');
  }

  async function subscribedClient(node: LiveServerHandle) {
    const client = await connectClient(node.url, 'leader-token');
    clients.push(client);
    const got = record(client);
    const res = await client.emitWithAck('live:subscribe', { topics: ['grid'] });
    expect(res).toMatchObject({ ok: true, data: { topics: { grid: { seq: 0 } } } });
    return got;
  }

  it('delivers a delta published on node A to a client on node B, with one seq across nodes', async () => {
    const key = `cockpit-test-${schema}`;
    const a = await startNode(key);
    const b = await startNode(key);
    await bothSubscribed(a, b);
    const onA = await subscribedClient(a);
    const onB = await subscribedClient(b);

    a.hub.publish('grid', [gridCase('from-a', JIANGCHENG)]);
    await a.hub.flush();
    await waitFor(() => onB.deltas.length === 1, 'the delta on node B');
    expect(onB.deltas[0]).toEqual({ topic: 'grid', seq: 1, items: [gridCase('from-a', JIANGCHENG)] });

    b.hub.publish('grid', [gridCase('from-b', JIANGCHENG)]);
    await b.hub.flush();
    a.hub.publish('grid', [gridCase('from-a-2', JIANGCHENG)]);
    await a.hub.flush();
    await waitFor(() => onA.deltas.length === 3 && onB.deltas.length === 3, 'three deltas on both nodes');
    for (const got of [onA, onB]) {
      expect(got.deltas.map((d) => [d.seq, d.items[0]!.id])).toEqual([
        [1, 'from-a'],
        [2, 'from-b'],
        [3, 'from-a-2'],
      ]);
    }
  });

  it('fills a seq that never arrived through Redis from the log, keeping the order', async () => {
    const key = `cockpit-test-${schema}`;
    const a = await startNode(key, 200);
    const b = await startNode(key, 200);
    await bothSubscribed(a, b);
    const onB = await subscribedClient(b);
    // As if a third node committed seq 1 and died before forwarding it.
    await createDeltaLogRepository(dbs[0]!).append('grid', [gridCase('lost', JIANGCHENG)]);
    a.hub.publish('grid', [gridCase('after', JIANGCHENG)]);
    await a.hub.flush();
    await waitFor(() => onB.deltas.length === 2, 'both deltas on node B');
    expect(onB.deltas.map((d) => [d.seq, d.items[0]!.id])).toEqual([
      [1, 'lost'],
      [2, 'after'],
    ]);
  });
});

describe('attachRedisAdapter', () => {
  it('fails instead of waiting forever when Redis cannot be reached', async () => {
    const io = new Server();
    await expect(attachRedisAdapter(io, 'redis://127.0.0.1:1', { connectTimeoutMs: 300 })).rejects.toThrow(/not reachable/);
  });

  it('answers a readiness ping while connected and refuses it once closed', async () => {
    const io = new Server();
    const handle = await attachRedisAdapter(io, REDIS_URL, { key: `cockpit-test-ping-${randomUUID()}` });
    await expect(handle.ping()).resolves.toBeUndefined();
    await handle.close();
    await expect(handle.ping()).rejects.toThrow(/not connected/);
  });
});
