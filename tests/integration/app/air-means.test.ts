import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClient, pgSchema, startTestServer, type LiveClient, type TestServer } from '../../helpers/test-server.js';
import type { Observation } from '../../../shared/schemas/index.js';

// 2025-06-01 China time: HJ 633—2012, whose real-time report reads particles as 24h moving means.
const START = Date.parse('2025-06-01T00:00:00+08:00');
const hour = (h: number) => new Date(START + h * 3600_000).toISOString();
/** 23 hours of PM2.5 60, then 120: the 24-hour mean is 62.5 → IAQI (50..100, 35..75) 84.375 → 85. */
const day = (stationId: string, exercise = false) => Array.from({ length: 24 }, (_, h) => ({ kind: 'air', stationId, observedAt: hour(h), values: { pm25: h === 23 ? 120 : 60 }, exercise }));

describe.each(['pglite', 'postgres'] as const)('HJ 633—2012 moving means through the ingest API on %s', (engine) => {
  let srv: TestServer;
  let live: LiveClient;
  let schema: Awaited<ReturnType<typeof pgSchema>> | undefined;
  beforeAll(async () => {
    schema = engine === 'postgres' ? await pgSchema() : undefined;
    srv = await startTestServer({ databaseUrl: schema?.url });
    live = await liveClient(srv.url, await srv.token('leader'));
    expect((await live.subscribe({ topics: ['env'] })).ok).toBe(true);
  });
  afterAll(async () => {
    live.close();
    await srv.close();
    await schema?.drop();
  });

  const send = async (body: unknown) => expect((await srv.ingest('/api/v1/ingest/observations', body)).status).toBe(202);
  async function stored(stationId: string): Promise<Observation[]> {
    const res = await srv.get(`/api/v1/stations/${stationId}/readings?from=${hour(-1)}&to=${hour(48)}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Observation[] }).items;
  }

  it.each([
    ['hour by hour', '441702-air-01', (r: unknown[]) => r.map((x) => [x])],
    ['as one back-fill request', '441702-air-02', (r: unknown[]) => [r]],
    ['in reverse order', '441704-air-01', (r: unknown[]) => [...r].reverse().map((x) => [x])],
  ])('sent %s, the last hour is assessed on its 24h mean 62.5 (AQI 85), values as measured', async (_how, stationId, batches) => {
    for (const batch of batches(day(stationId))) await send(batch);
    const items = await stored(stationId);
    expect(items).toHaveLength(24);
    const last = items.at(-1)!;
    expect(last.values).toEqual({ pm25: 120 });
    expect(last.assessment).toMatchObject({ aqi: 85, category: 2, primaryPollutants: ['pm25'], standard: 'HJ633-2012', breach: false, means: { pm25_24h: 62.5 } });
    // The first hour's window holds that hour alone.
    expect(items[0]!.assessment).toMatchObject({ aqi: 82, means: { pm25_24h: 60 } });
    expect(items.every((o) => Object.keys(o.values).join() === 'pm25')).toBe(true);
  });

  it('two requests storing hours of the same station at once still give every hour its full mean', async () => {
    const stationId = '441781-air-02';
    const hours = day(stationId);
    await Promise.all([send(hours.filter((_, h) => h % 2 === 0)), send(hours.filter((_, h) => h % 2 === 1))]);
    const items = await stored(stationId);
    expect(items.at(-1)!.assessment).toMatchObject({ aqi: 85, means: { pm25_24h: 62.5 } });
    expect(items.map((o) => o.assessment.means!.pm25_24h)).toEqual(items.map((_, h) => (h === 23 ? 62.5 : 60)));
    const [d] = ((await (await srv.get(`/api/v1/air/daily?station=${stationId}&from=2025-06-01&to=2025-06-01`)).json()) as { items: { counts: object }[] }).items;
    expect(d!.counts).toEqual({ pm25_24h: 24 });
  });

  it('a late hour re-assesses the stored hours whose means it changes, and publishes them live', async () => {
    const stationId = '441704-air-02';
    await send(
      day(stationId)
        .filter((_, h) => h !== 5)
        .map((o) => ({ ...o, values: { pm25: 60 } })),
    );
    expect((await stored(stationId)).at(-1)!.assessment).toMatchObject({ aqi: 82, means: { pm25_24h: 60 } });
    const pushedAt = (h: number) => (x: { items: unknown[] }) => (x.items as Observation[]).some((o) => o.stationId === stationId && o.observedAt === hour(h));
    await live.waitFor('env', pushedAt(23));

    live.deltas.length = 0;
    await send([{ kind: 'air', stationId, observedAt: hour(5), values: { pm25: 180 } }]);
    const items = await stored(stationId);
    const at = (h: number) => items.find((o) => o.observedAt === hour(h))!;
    expect(at(4).assessment.means).toEqual({ pm25_24h: 60 });
    expect(at(5).assessment.means!.pm25_24h).toBeCloseTo((5 * 60 + 180) / 6, 9);
    expect(at(6).assessment.means!.pm25_24h).toBeCloseTo((6 * 60 + 180) / 7, 9);
    // Hour 23 (window 00:00–23:00, 24 hours): (23 × 60 + 180) / 24 = 65 → IAQI 87.5 → 88.
    expect(at(23).assessment).toMatchObject({ aqi: 88, means: { pm25_24h: 65 } });
    expect(at(23).values).toEqual({ pm25: 60 });

    const d = await live.waitFor('env', pushedAt(5));
    const pushed = (d.items as Observation[]).filter((o) => o.stationId === stationId);
    expect(pushed.map((o) => o.observedAt)).toEqual(Array.from({ length: 19 }, (_, k) => hour(5 + k)));
    expect(pushed.at(-1)!.assessment.aqi).toBe(88);
  });

  it('drill hours are averaged with drill hours only', async () => {
    const stationId = '441721-air-01';
    await send(day(stationId).map((o) => ({ ...o, values: { pm25: 60 } })));
    await send([{ kind: 'air', stationId, observedAt: hour(23), values: { pm25: 300 }, exercise: true }]);
    const { rows } = await srv.db.query<{ assessment: Observation['assessment'] }>('select assessment from observations where station_id = $1 and exercise order by observed_at', [stationId]);
    expect(rows[0]!.assessment.means).toEqual({ pm25_24h: 300 });
    expect((await stored(stationId)).at(-1)!.assessment.means).toEqual({ pm25_24h: 60 });
  });

  it('a mean the station sent itself is read as sent, and 2026 readings use the hour alone', async () => {
    await send([{ kind: 'air', stationId: '441721-air-02', observedAt: hour(0), values: { pm25: 120, pm25_24h: 62.5 } }]);
    const [own] = await stored('441721-air-02');
    expect(own!.assessment).toMatchObject({ aqi: 85 });
    expect(own!.assessment.means).toBeUndefined();
    const at2026 = '2026-06-01T00:00:00+08:00';
    await send([{ kind: 'air', stationId: '441781-air-01', observedAt: at2026, values: { pm25: 120 } }]);
    const res = await srv.get(`/api/v1/stations/441781-air-01/readings?from=2026-05-31T00:00:00Z&to=2026-06-02T00:00:00Z`);
    const [o] = ((await res.json()) as { items: Observation[] }).items;
    expect(o!.assessment).toMatchObject({ aqi: 158, standard: 'HJ633-2026' });
    expect(o!.assessment.means).toBeUndefined();
  });
});
