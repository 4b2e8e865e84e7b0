import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveClient, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, gridEvent, JIANGCHENG, YANGCHUN } from '../../fixtures/payloads.js';
import type { Alert, GridCase } from '../../../shared/schemas/index.js';
import type { VitalSigns } from '../../../shared/contracts/kpi.js';

describe('a grid administrator sees only its districts (441702 江城区)', () => {
  let srv: TestServer;
  beforeEach(async () => {
    srv = await startTestServer();
  });
  afterEach(async () => srv.close());

  it('over Socket.IO: no foreign cases, alerts or city-level figures, whatever it asks for', async () => {
    const grid = await liveClient(srv.url, await srv.token('grid'));
    const ack = await grid.subscribe({ topics: ['grid', 'alerts', 'kpi'] });
    expect(ack.ok).toBe(true);
    const foreign = await grid.subscribe({ topics: ['grid'], districts: ['441781'] });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const mine = gridEvent({ location: JIANGCHENG });
    const theirs = gridEvent({ location: YANGCHUN });
    await srv.ingest('/api/v1/ingest/grid-events', [theirs, mine]);
    await srv.ingest('/api/v1/ingest/alerts', [alertJson({ districts: ['441781'] }), alertJson({ districts: ['441702', '441781'], level: 'orange' })]);
    await grid.waitFor('grid', (d) => (d.items as GridCase[]).some((c) => c.sourceId === mine.sourceId));
    await grid.waitFor('alerts', (d) => d.items.length > 0);
    await grid.waitFor('kpi', (d) => d.items.length > 0);
    await srv.app.hub.flush();
    await new Promise((r) => setTimeout(r, 300));

    const cases = grid.deltas.filter((d) => d.topic === 'grid').flatMap((d) => d.items as GridCase[]);
    expect(cases.every((c) => c.district === '441702')).toBe(true);
    const alerts = grid.deltas.filter((d) => d.topic === 'alerts').flatMap((d) => d.items as Alert[]);
    expect(alerts.map((a) => a.level)).toEqual(['orange']);
    const kpis = grid.deltas.filter((d) => d.topic === 'kpi').flatMap((d) => d.items as VitalSigns[]);
    expect(kpis.length).toBeGreaterThan(0);
    expect(kpis.every((k) => k.scope === '441702')).toBe(true);
    grid.close();
  });

  it('over HTTP: lists are scoped, foreign items are not found, foreign filters are refused', async () => {
    const res = await srv.ingest('/api/v1/ingest/grid-events', [gridEvent({ location: YANGCHUN }), gridEvent({ location: JIANGCHENG })]);
    const [theirsId, mineId] = ((await res.json()) as { ids: string[] }).ids;
    const list = (await (await srv.get('/api/v1/incidents', 'grid')).json()) as { items: GridCase[] };
    expect(list.items.map((c) => c.id)).toEqual([mineId]);
    expect((await srv.get(`/api/v1/incidents/${theirsId}`, 'grid')).status).toBe(404);
    expect((await srv.get(`/api/v1/incidents/${mineId}`, 'grid')).status).toBe(200);
    expect((await srv.get('/api/v1/incidents?district=441781', 'grid')).status).toBe(403);
    const stations = (await (await srv.get('/api/v1/stations', 'grid')).json()) as { items: { district: string }[] };
    expect(stations.items.length).toBeGreaterThan(0);
    expect(stations.items.every((s) => s.district === '441702')).toBe(true);
    const kpi = (await (await srv.get('/api/v1/kpi', 'grid')).json()) as { items: VitalSigns[] };
    expect(kpi.items.map((k) => k.scope)).toEqual(['441702']);
    // The leader sees both.
    const all = (await (await srv.get('/api/v1/incidents', 'leader')).json()) as { items: GridCase[] };
    expect(all.items.map((c) => c.id).sort()).toEqual([theirsId, mineId].sort());
  });
});
