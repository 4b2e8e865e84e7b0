import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveClient, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent } from '../../fixtures/payloads.js';
import type { GridCase } from '../../../shared/schemas/index.js';

const sourceIds = (items: unknown[]) => (items as GridCase[]).map((c) => c.sourceId);

describe('reconnect with since', () => {
  let srv: TestServer;
  beforeEach(async () => {
    srv = await startTestServer();
  });
  afterEach(async () => srv.close());

  it('replays exactly the deltas missed while disconnected, then continues live', async () => {
    const token = await srv.token('duty');
    const first = await liveClient(srv.url, token);
    const ack = await first.subscribe({ topics: ['grid'] });
    if (!ack.ok) throw new Error('subscribe failed');
    const before = gridEvent();
    await srv.ingest('/api/v1/ingest/grid-events', before);
    const seen = await first.waitFor('grid', (d) => sourceIds(d.items).includes(before.sourceId));
    first.close();

    const missed = [gridEvent(), gridEvent(), gridEvent()];
    for (const ev of missed) await srv.ingest('/api/v1/ingest/grid-events', ev);
    await srv.app.hub.flush();

    const second = await liveClient(srv.url, token);
    const resumed = await second.subscribe({ topics: ['grid'], since: { grid: seen.seq } });
    if (!resumed.ok) throw new Error('resume failed');
    const t = resumed.data.topics.grid!;
    expect(t.snapshot).toBeUndefined();
    const replayed = t.missed!;
    expect(replayed.map((d) => d.seq)).toEqual(Array.from({ length: t.seq - seen.seq }, (_, i) => seen.seq + 1 + i));
    expect(replayed.flatMap((d) => sourceIds(d.items))).toEqual(missed.map((e) => e.sourceId));

    const after = gridEvent();
    await srv.ingest('/api/v1/ingest/grid-events', after);
    const live = await second.waitFor('grid', (d) => sourceIds(d.items).includes(after.sourceId));
    expect(live.seq).toBe(t.seq + 1);
    expect(second.deltas.filter((d) => d.topic === 'grid').flatMap((d) => sourceIds(d.items))).toEqual([after.sourceId]);
    second.close();
  });

  it('without since, or with a seq from the future, gets a snapshot', async () => {
    const ev = gridEvent();
    await srv.ingest('/api/v1/ingest/grid-events', ev);
    await srv.app.hub.flush();
    const c = await liveClient(srv.url, await srv.token('leader'));
    const fresh = await c.subscribe({ topics: ['grid'] });
    if (!fresh.ok) throw new Error('subscribe failed');
    expect(sourceIds(fresh.data.topics.grid!.snapshot!)).toContain(ev.sourceId);
    const future = await c.subscribe({ topics: ['grid'], since: { grid: 10_000 } });
    if (!future.ok) throw new Error('subscribe failed');
    expect(future.data.topics.grid!.snapshot).toBeDefined();
    c.close();
  });
});

describe('batching', () => {
  it('sends a case that changed several times within one window once, in its latest state', async () => {
    // A window no test outlasts, closed by hand: three ingests on a busy machine never straddle it.
    const srv = await startTestServer({ flushIntervalMs: 600_000 });
    try {
      const c = await liveClient(srv.url, await srv.token('duty'));
      await c.subscribe({ topics: ['grid'] });
      const ev = gridEvent();
      await srv.ingest('/api/v1/ingest/grid-events', ev);
      await srv.ingest('/api/v1/ingest/grid-events', { ...ev, status: 'registered' });
      await srv.ingest('/api/v1/ingest/grid-events', { ...ev, status: 'dispatched' });
      await srv.app.hub.flush();
      const d = await c.waitFor('grid', (x) => sourceIds(x.items).includes(ev.sourceId));
      expect((d.items as GridCase[]).map((x) => [x.sourceId, x.status])).toEqual([[ev.sourceId, 'dispatched']]);
      c.close();
    } finally {
      await srv.close();
    }
  });
});
