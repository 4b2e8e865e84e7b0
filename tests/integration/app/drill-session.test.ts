import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveClient, startTestServer, INGEST_KEY, type LiveClient, type TestServer } from '../../helpers/test-server.js';
import { alertJson } from '../../fixtures/payloads.js';
import type { DrillSession } from '../../../shared/schemas/drill.js';

/** Issue 10 item 9: a drill has a beginning and an end, and every open screen follows it. */
describe('drill sessions', () => {
  let srv: TestServer;
  let clock: number;
  let leader: LiveClient;
  let grid: LiveClient;
  beforeEach(async () => {
    clock = Date.now();
    srv = await startTestServer({ now: () => new Date(clock) });
    leader = await liveClient(srv.url, await srv.token('leader'));
    grid = await liveClient(srv.url, await srv.token('grid'));
    for (const c of [leader, grid]) expect((await c.subscribe({ topics: ['drills'] })).ok).toBe(true);
  });
  afterEach(async () => {
    leader.close();
    grid.close();
    await srv.close();
  });

  const post = async (path: string, auth: string, body?: unknown) =>
    fetch(`${srv.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const opened = (id: string) => (d: { items: unknown[] }) => (d.items as DrillSession[]).some((s) => s.id === id && s.endedAt === null);
  const ended = (id: string) => (d: { items: unknown[] }) => (d.items as DrillSession[]).some((s) => s.id === id && s.endedAt !== null);

  it('is started and ended by a duty officer, pushed live to every screen, city-wide and scoped alike', async () => {
    const res = await post('/api/v1/drills', await srv.token('duty'), { name: '防台风指挥演练', scenario: 'typhoon' });
    expect(res.status).toBe(201);
    const s = (await res.json()) as DrillSession;
    expect(s).toMatchObject({ name: '防台风指挥演练', scenario: 'typhoon', startedBy: 'duty', endedAt: null });
    await leader.waitFor('drills', opened(s.id));
    await grid.waitFor('drills', opened(s.id));
    expect(((await (await srv.get('/api/v1/drills')).json()) as { items: DrillSession[] }).items.map((x) => x.id)).toEqual([s.id]);

    const end = await post(`/api/v1/drills/${s.id}/end`, await srv.token('duty'));
    expect(end.status).toBe(200);
    expect((await end.json()) as DrillSession).toMatchObject({ id: s.id, endedBy: 'duty' });
    await leader.waitFor('drills', ended(s.id));
    await grid.waitFor('drills', ended(s.id));
    expect(((await (await srv.get('/api/v1/drills')).json()) as { items: unknown[] }).items).toEqual([]);
    // Ending twice (a retried request) answers the ended session; a screen opened now sees no drill.
    expect((await post(`/api/v1/drills/${s.id}/end`, INGEST_KEY)).status).toBe(200);
    const fresh = await liveClient(srv.url, await srv.token('leader'));
    const ack = await fresh.subscribe({ topics: ['drills'] });
    fresh.close();
    expect(ack.ok && ack.data.topics.drills?.snapshot).toEqual([]);
  });

  it('takes the ingest key (the simulator) and refuses leaders, strangers, bad bodies and unknown ids', async () => {
    const byKey = await post('/api/v1/drills', INGEST_KEY, {});
    expect(byKey.status).toBe(201);
    expect(((await byKey.json()) as DrillSession).startedBy).toBe('ingest-key');
    expect((await post('/api/v1/drills', await srv.token('leader'), {})).status).toBe(403);
    expect((await post('/api/v1/drills', 'not-a-key', {})).status).toBe(401);
    const bad = await post('/api/v1/drills', INGEST_KEY, { name: 42 });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('name');
    expect((await post('/api/v1/drills/nope/end', INGEST_KEY)).status).toBe(404);
    expect((await fetch(`${srv.url}/api/v1/drills`)).status).toBe(401);
  });

  it('ends by itself once no exercise data came for 30 minutes and no exercise alert is in force', async () => {
    const s = (await (await post('/api/v1/drills', INGEST_KEY, {})).json()) as DrillSession;
    const sourceId = 'drill-typhoon-1';
    expect((await srv.ingest('/api/v1/ingest/alerts', alertJson({ sourceId, status: 'Exercise' }))).status).toBe(202);
    clock += 31 * 60_000;
    expect(await srv.app.domain.drills.sweep()).toEqual([]); // its exercise alert is still in force
    expect((await srv.ingest('/api/v1/ingest/alerts', alertJson({ sourceId: `${sourceId}:c`, msgType: 'Cancel', references: [sourceId], status: 'Exercise' }))).status).toBe(202);
    await srv.app.domain.drills.sweep(); // writes down the exercise data just heard
    clock += 29 * 60_000;
    expect(await srv.app.domain.drills.sweep()).toEqual([]);
    clock += 2 * 60_000;
    const auto = await srv.app.domain.drills.sweep();
    expect(auto.map((x) => [x.id, x.endedBy])).toEqual([[s.id, 'auto']]);
    await leader.waitFor('drills', ended(s.id));
  });
});
