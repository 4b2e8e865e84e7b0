import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveClient, startTestServer, type LiveClient, type TestServer } from '../../helpers/test-server.js';
import { gridEvent } from '../../fixtures/payloads.js';
import type { VitalSigns } from '../../../shared/contracts/kpi.js';

const CITY = '441700';

/** Issue 10 item 10: a drill's own vital signs, from its exercise data only, beside the real ones. */
describe('vital signs of a drill (exercise scope)', () => {
  let srv: TestServer;
  let live: LiveClient;
  beforeEach(async () => {
    srv = await startTestServer();
    live = await liveClient(srv.url, await srv.token('leader'));
    expect((await live.subscribe({ topics: ['kpi'] })).ok).toBe(true);
  });
  afterEach(async () => {
    live.close();
    await srv.close();
  });

  const kpi = async (query = '', user: 'leader' | 'grid' = 'leader') => ((await (await srv.get(`/api/v1/kpi${query}`, user)).json()) as { items: VitalSigns[] }).items;
  const city = (items: VitalSigns[]) => items.find((v) => v.scope === CITY)!;

  it('counts exercise cases and readings in the drill scope only, and pushes it live', async () => {
    const at = new Date().toISOString();
    await srv.ingest('/api/v1/ingest/grid-events', [gridEvent(), gridEvent({ exercise: true }), gridEvent({ exercise: true })]);
    await srv.ingest('/api/v1/ingest/observations', [{ kind: 'air', stationId: await firstAirStation(srv), observedAt: at, values: { pm25: 30, pm10: 50 }, exercise: true }]);
    await srv.app.domain.refreshKpis(true);

    const real = city(await kpi());
    expect(real).toMatchObject({ id: `kpi:${CITY}`, exercise: false });
    expect(real.cases.today).toBe(1);
    expect(real.air.stations).toBe(0);
    const drill = city(await kpi('?exercise=true'));
    expect(drill).toMatchObject({ id: `kpi:exercise:${CITY}`, exercise: true, level: 'city' });
    expect(drill.cases.today).toBe(2);
    expect(drill.air.stations).toBe(1);
    // District rankings of the drill: its cases are in 江城区.
    expect((await kpi('?exercise=true&district=441702')).map((v) => [v.id, v.cases.today])).toEqual([['kpi:exercise:441702', 2]]);
    expect((await kpi('?exercise=true', 'grid')).every((v) => v.exercise && v.scope === '441702')).toBe(true);
    await live.waitFor('kpi', (d) => (d.items as VitalSigns[]).some((v) => v.id === `kpi:exercise:${CITY}` && v.cases.today === 2));

    const history = async (q: string) => ((await (await srv.get(`/api/v1/kpi/history?district=${CITY}${q}`)).json()) as { items: VitalSigns[] }).items;
    expect((await history('&exercise=true')).every((v) => v.exercise)).toBe(true);
    expect((await history('&exercise=true')).length).toBeGreaterThan(0);
    expect((await history('')).every((v) => !v.exercise)).toBe(true);
    expect((await srv.get('/api/v1/kpi?exercise=yes')).status).toBe(422);
  });
});

async function firstAirStation(srv: TestServer): Promise<string> {
  const body = (await (await srv.get('/api/v1/stations')).json()) as { items: Array<{ id: string; kind: string }> };
  return body.items.find((s) => s.kind === 'air')!.id;
}
