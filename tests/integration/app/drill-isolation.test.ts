import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClient, startTestServer, INGEST_KEY, type LiveClient, type TestServer } from '../../helpers/test-server.js';
import { startSimulator, type Simulator } from '../../../mock-data/simulator/index.js';
import { silentLog } from '../../../mock-data/simulator/log.js';
import { waitFor } from '../simulator/fake-server.js';
import type { VitalSigns } from '../../../shared/contracts/kpi.js';
import type { DrillSession } from '../../../shared/schemas/drill.js';
import type { LiveTopic } from '../../../shared/contracts/live.js';

/**
 * Issue 10 item 8: a typhoon drill, played by the simulator through the public interfaces
 * against the real server (compressed in time), leaves every real figure exactly as it was.
 * The server's clock is frozen, so the real vital signs before and after are comparable.
 */
const T0 = Date.now();
const STREAMS = ['grid', 'alerts', 'env', 'economy', 'kpi'] as const satisfies LiveTopic[];

/** Every stored real row of every stream, and the real vital signs without their computation instant. */
async function realState(srv: TestServer) {
  const q = async (sql: string) => (await srv.db.query(sql)).rows;
  await srv.app.domain.refreshKpis(true);
  const res = await srv.get('/api/v1/kpi');
  const kpi = ((await res.json()) as { items: VitalSigns[] }).items.map(({ computedAt: _at, ...rest }) => rest);
  return {
    grid: await q('select * from cases where exercise = false order by id'),
    timeline: await q('select t.* from case_timeline t join cases c on c.id = t.case_id where c.exercise = false order by t.id'),
    alerts: await q('select * from alerts where exercise = false order by id'),
    alertMessages: await q('select m.* from alert_messages m join alerts a on a.id = m.alert_id where a.exercise = false order by m.source_id'),
    env: await q('select * from observations where exercise = false order by id'),
    economy: await q('select * from indicators where exercise = false order by id'),
    kpi,
  };
}

async function simulate(srv: TestServer, over: Partial<Parameters<typeof startSimulator>[0]>): Promise<Simulator> {
  return startSimulator({ url: srv.url, key: INGEST_KEY, scenario: 'normal', speed: 3600, city: '441700', seed: 1, tickMs: 50, progressMs: 0, retryBaseMs: 20, log: silentLog, ...over });
}

/** Runs until the simulated clock has caught up with the wall clock (the fast window played), then stops. */
async function playToPresent(sim: Simulator): Promise<void> {
  const caughtUp = await waitFor(() => Date.parse(sim.stats().simTime) >= Date.now() - 30_000, 90_000);
  await sim.stop();
  expect(caughtUp).toBe(true);
}

describe('a typhoon drill against a live server', () => {
  let srv: TestServer;
  let live: LiveClient;
  let before: Awaited<ReturnType<typeof realState>>;
  let after: Awaited<ReturnType<typeof realState>>;
  let sessions: DrillSession[];

  beforeAll(async () => {
    srv = await startTestServer({ now: () => new Date(T0) });
    // Real city life first: three hours of the normal scenario, ending now.
    await playToPresent(await simulate(srv, { start: T0 - 3 * 3_600_000 }));
    await srv.app.domain.grid.escalateOverdue();
    await srv.app.domain.alerts.sweep();
    before = await realState(srv);
    live = await liveClient(srv.url, await srv.token('leader'));
    expect((await live.subscribe({ topics: [...STREAMS, 'drills'] })).ok).toBe(true);

    const drill = await simulate(srv, { scenario: 'typhoon', seed: 2 });
    await playToPresent(drill);
    await live.waitFor('drills', (d) => (d.items as DrillSession[]).some((s) => s.endedAt !== null), 20_000);
    after = await realState(srv);
    sessions = ((await (await srv.get('/api/v1/drills?state=all')).json()) as { items: DrillSession[] }).items;
  }, 240_000);

  afterAll(async () => {
    live?.close();
    await srv?.close();
  });

  it('had real data on every stream before the drill, and the drill sent exercise data on every stream', async () => {
    for (const k of STREAMS) expect(before[k].length, k).toBeGreaterThan(0);
    const drillCount = async (table: string) => (await srv.db.query<{ n: number }>(`select count(*)::int as n from ${table} where exercise = true`)).rows[0]!.n;
    for (const table of ['cases', 'alerts', 'observations', 'indicators']) expect(await drillCount(table), table).toBeGreaterThan(0);
  });

  it('left every real case, alert, reading and indicator exactly as it was', () => {
    expect(after.grid).toEqual(before.grid);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.alerts).toEqual(before.alerts);
    expect(after.alertMessages).toEqual(before.alertMessages);
    expect(after.env).toEqual(before.env);
    expect(after.economy).toEqual(before.economy);
  });

  it('left the real vital signs exactly as they were (GDP growth included)', () => {
    expect(after.kpi).toEqual(before.kpi);
    expect(after.kpi.find((k) => k.level === 'city')!.economy.gdpCumulativeYoy).not.toBeNull();
  });

  it('pushed only exercise items on every stream while it ran', () => {
    const real = live.deltas.filter((d) => d.topic !== 'drills').flatMap((d) => (d.items as Array<{ exercise: boolean }>).filter((i) => i.exercise !== true).map(() => d.topic));
    expect(real).toEqual([]);
    for (const topic of STREAMS)
      expect(
        live.deltas.some((d) => d.topic === topic && d.items.length > 0),
        topic,
      ).toBe(true);
  });

  it('computed the drill its own vital signs from its exercise data', async () => {
    const drill = ((await (await srv.get('/api/v1/kpi?exercise=true')).json()) as { items: VitalSigns[] }).items;
    const city = drill.find((k) => k.level === 'city')!;
    expect(city).toMatchObject({ id: 'kpi:exercise:441700', exercise: true });
    expect(city.cases.today).toBeGreaterThan(0);
    expect(city.economy.gdpCumulativeYoy).not.toBeNull();
    expect(drill.every((k) => k.exercise)).toBe(true);
  });

  it('ran inside one drill session, opened and ended by the simulator', () => {
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ scenario: 'typhoon', startedBy: 'ingest-key', endedBy: 'ingest-key' });
    expect(sessions[0]!.endedAt).not.toBeNull();
  });
});
