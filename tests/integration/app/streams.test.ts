import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveClient, pgSchema, startTestServer, type LiveClient, type TestServer } from '../../helpers/test-server.js';
import { alertJson, gridEvent, JIANGCHENG } from '../../fixtures/payloads.js';
import type { Alert, GridCase, Indicator, Observation } from '../../../shared/schemas/index.js';
import type { VitalSigns } from '../../../shared/contracts/kpi.js';

describe.each([
  { engine: 'PGlite (embedded)', postgres: false },
  { engine: 'PostgreSQL (DATABASE_URL)', postgres: true },
])('each stream on $engine: ingest → store → live delta', ({ postgres }) => {
  let srv: TestServer;
  let client: LiveClient;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  beforeEach(async () => {
    schema = postgres ? await pgSchema() : null;
    srv = await startTestServer({ databaseUrl: schema?.url });
    expect(srv.db.engine).toBe(postgres ? 'postgres' : 'pglite');
    client = await liveClient(srv.url, await srv.token('leader'));
    const ack = await client.subscribe({ topics: ['grid', 'alerts', 'env', 'economy', 'kpi'] });
    expect(ack.ok).toBe(true);
  });
  afterEach(async () => {
    client.close();
    await srv.close();
    await schema?.drop();
  });

  it('grid event: 202 after commit, located and pushed, stored once when sent twice', async () => {
    const ev = gridEvent();
    const res = await srv.ingest('/api/v1/ingest/grid-events', ev);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: number; ids: string[] };
    expect(body.accepted).toBe(1);
    const d = await client.waitFor('grid', (x) => (x.items as GridCase[]).some((c) => c.sourceId === ev.sourceId));
    const c = (d.items as GridCase[]).find((x) => x.sourceId === ev.sourceId)!;
    expect(c).toMatchObject({ id: body.ids[0], district: '441702', status: 'reported', location: JIANGCHENG });
    expect(c.gridCell).toMatch(/^[0-9a-f]{15}$/);

    const again = await srv.ingest('/api/v1/ingest/grid-events', [ev]);
    expect(((await again.json()) as { ids: string[] }).ids).toEqual(body.ids);
    const { rows } = await srv.db.query<{ n: number }>('select count(*)::int as n from cases where source_id = $1', [ev.sourceId]);
    expect(rows[0]!.n).toBe(1);
  });

  it('grid event with a forward status fills the lifecycle and starts the deadline clock', async () => {
    const ev = gridEvent();
    await srv.ingest('/api/v1/ingest/grid-events', ev);
    const statusAt = new Date().toISOString();
    const res = await srv.ingest('/api/v1/ingest/grid-events', { ...ev, status: 'dispatched', statusAt });
    expect(res.status).toBe(202);
    const id = ((await res.json()) as { ids: string[] }).ids[0]!;
    const detail = (await (await srv.get(`/api/v1/incidents/${id}`)).json()) as { case: GridCase; timeline: { status: string }[] };
    expect(detail.timeline.map((t) => t.status)).toEqual(['reported', 'registered', 'dispatched']);
    expect(detail.case.dispatchedAt).toBe(statusAt);
    expect(Date.parse(detail.case.deadlineAt!)).toBeGreaterThan(Date.parse(statusAt));
    const back = await srv.ingest('/api/v1/ingest/grid-events', { ...ev, status: 'reported' });
    expect(back.status).toBe(409);
  });

  it('alert JSON is stored and pushed', async () => {
    const a = alertJson();
    expect((await srv.ingest('/api/v1/ingest/alerts', a)).status).toBe(202);
    const d = await client.waitFor('alerts', (x) => (x.items as Alert[]).some((i) => i.sourceId === a.sourceId));
    expect((d.items as Alert[])[0]).toMatchObject({ level: 'yellow', severity: 'Moderate', state: 'active', districts: ['441702'], exercise: false });
  });

  it('an air reading gets its AQI and primary pollutant; a breach lasting an hour raises an environment notice', async () => {
    const stations = (await (await srv.get('/api/v1/stations?kind=air')).json()) as { items: { id: string; district: string }[] };
    const station = stations.items[0]!;
    const hour = Math.floor(Date.now() / 3600_000) * 3600_000;
    const values = { pm25: 120, pm10: 130, so2: 8, no2: 30, co: 0.6, o3: 60 };
    const res = await srv.ingest('/api/v1/ingest/observations', [
      { kind: 'air', stationId: station.id, observedAt: new Date(hour - 3600_000).toISOString(), values },
      { kind: 'air', stationId: station.id, observedAt: new Date(hour).toISOString(), values },
    ]);
    expect(res.status).toBe(202);
    const d = await client.waitFor('env', (x) => (x.items as Observation[]).some((o) => o.stationId === station.id));
    const o = (d.items as Observation[])[0]!;
    // PM2.5 120 μg/m³ read against the 24h column of HJ 633—2026: IAQI (150..200, 115..150) → 158.
    expect(o.assessment).toMatchObject({ aqi: 158, category: 4, primaryPollutants: ['pm25'], standard: 'HJ633-2026', breach: true });
    expect(o.district).toBe(station.district);
    const alert = await client.waitFor('alerts', (x) => (x.items as Alert[]).some((a) => a.category === 'environment'));
    expect((alert.items as Alert[])[0]).toMatchObject({ level: 'yellow', districts: [station.district], kind: 'notice' });
  });

  it('indicators as CSV derive growth from last year and track the target', async () => {
    const csv = ['code,region,period,value,cumulative,annualTarget', 'gdp,441700,2025-Q3,380,1050,', 'gdp,441700,2026-Q3,400,1113,1520'].join('\n');
    const res = await srv.ingest('/api/v1/ingest/indicators', csv, 'text/csv');
    expect(res.status).toBe(202);
    const d = await client.waitFor('economy', (x) => (x.items as Indicator[]).some((i) => i.period === '2026-Q3'));
    const i = (d.items as Indicator[]).find((x) => x.period === '2026-Q3')!;
    expect(i.yoy).toBeCloseTo(400 / 380 - 1, 10);
    expect(i.cumulativeYoy).toBeCloseTo(1113 / 1050 - 1, 10);
    expect(i.completion).toBeCloseTo(1113 / 1520, 10);
    expect(i.onPace).toBeCloseTo(1113 / (1520 * 0.75), 10);
  });

  it('vital signs roll up per district and city and are pushed on change', async () => {
    await srv.ingest('/api/v1/ingest/grid-events', [gridEvent(), gridEvent()]);
    await srv.ingest('/api/v1/ingest/alerts', alertJson({ level: 'red', category: 'typhoon', event: '台风红色预警信号' }));
    const d = await client.waitFor('kpi', (x) => (x.items as VitalSigns[]).some((v) => v.scope === '441700' && v.cases.today >= 2 && v.alerts.active.red === 1));
    const city = (d.items as VitalSigns[]).find((v) => v.scope === '441700')!;
    expect(city.level).toBe('city');
    const kpi = (await (await srv.get('/api/v1/kpi')).json()) as { items: VitalSigns[] };
    expect(kpi.items.find((v) => v.scope === '441702')!.cases.today).toBe(2);
    expect(kpi.items.find((v) => v.scope === '441781')!.cases.today).toBe(0);
  });
});
