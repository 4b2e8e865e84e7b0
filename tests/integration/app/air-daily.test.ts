import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import type { AirDailyReport } from '../../../shared/contracts/air-daily.js';
import type { VitalSigns } from '../../../shared/contracts/kpi.js';
import { catchUpAirDays } from '../../../server/src/domain/env/daily-aqi.js';

// 12:00 China time on 2026-07-10 (HJ 633—2026); the days below are complete and in the past.
const NOW = new Date('2026-07-10T04:00:00Z');
const at = (date: string, h: number) => new Date(Date.parse(`${date}T00:00:00+08:00`) + h * 3600_000).toISOString();
const hours = (stationId: string, date: string, n: number, values: Record<string, number>, exercise = false) =>
  Array.from({ length: n }, (_, h) => ({ kind: 'air', stationId, observedAt: at(date, h), values, exercise }));

describe.each(['pglite', 'postgres'] as const)('daily AQI (日报) and good days on %s', (engine) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | undefined;
  beforeAll(async () => {
    schema = engine === 'postgres' ? await pgSchema() : undefined;
    srv = await startTestServer({ now: () => NOW, databaseUrl: schema?.url });
    const readings = [
      // 07-01: 江城 01 valid with 20 hours (PM2.5 50 → 80; O3 in 15 valid 8h windows, 80 → 40);
      // 江城 02 has 19 hours only; 阳东 01 PM2.5 90 (→ 128).
      ...hours('441702-air-01', '2026-07-01', 20, { pm25: 50, o3: 80 }),
      ...hours('441702-air-02', '2026-07-01', 19, { pm25: 400 }),
      ...hours('441704-air-01', '2026-07-01', 24, { pm25: 90 }),
      // 07-02: only 江城 01, PM2.5 20 → a good day.
      ...hours('441702-air-01', '2026-07-02', 24, { pm25: 20 }),
      // A drill day of heavy pollution: never a real figure.
      ...hours('441702-air-01', '2026-07-03', 24, { pm25: 300 }, true),
    ];
    // Arrival order does not matter: the hours are sent newest first, in two requests.
    const reversed = readings.reverse();
    for (const part of [reversed.slice(0, 50), reversed.slice(50)]) expect((await srv.ingest('/api/v1/ingest/observations', part)).status).toBe(202);
  });
  afterAll(async () => {
    await srv.close();
    await schema?.drop();
  });

  async function daily(path: string, user: 'leader' | 'grid' = 'leader') {
    const res = await srv.get(path, user);
    expect(res.status).toBe(200);
    return (await res.json()) as { from: string; to: string; items: AirDailyReport[] };
  }

  it('gives each station its daily report; 19 hours do not make a valid day, 20 do', async () => {
    const r = await daily('/api/v1/air/daily?from=2026-07-01&to=2026-07-01');
    const by = new Map(r.items.map((i) => [i.scope, i]));
    expect(by.get('441702-air-01')).toMatchObject({
      date: '2026-07-01',
      level: 'station',
      district: '441702',
      aqi: 80,
      primaryPollutants: ['pm25'],
      valid: true,
      concentrations: { pm25_24h: 50, o3_8h: 80 },
      counts: { pm25_24h: 20, o3_8h: 15 },
    });
    expect(by.get('441702-air-02')).toMatchObject({ aqi: null, valid: false, concentrations: {}, counts: { pm25_24h: 19 } });
    expect(by.get('441704-air-01')).toMatchObject({ aqi: 128, primaryPollutants: ['pm25'], standard: 'HJ633-2026' });
  });

  it('gives the city the AQI of its mean concentrations over valid stations, not the mean of station AQIs', async () => {
    const r = await daily('/api/v1/air/daily/areas?from=2026-07-01&to=2026-07-03');
    expect(r.items.map((i) => i.date)).toEqual(['2026-07-01', '2026-07-02']);
    // (50 + 90) / 2 = 70 → IAQI (100..150, 60..115) 109.1 → 110; the station AQIs 80 and 128 average 104.
    expect(r.items[0]).toMatchObject({ level: 'city', scope: '441700', district: null, aqi: 110, stations: 2, concentrations: { pm25_24h: 70 } });
    expect(r.items[1]).toMatchObject({ aqi: 29, stations: 1 });
  });

  it('serves a grid user its districts (never the city), and keeps drill days apart', async () => {
    const grid = await daily('/api/v1/air/daily/areas?from=2026-07-01&to=2026-07-01', 'grid');
    expect(grid.items).toEqual([expect.objectContaining({ level: 'district', scope: '441702', aqi: 80 })]);
    const stations = await daily('/api/v1/air/daily?from=2026-07-01&to=2026-07-01', 'grid');
    expect(new Set(stations.items.map((i) => i.district))).toEqual(new Set(['441702']));
    expect((await srv.get('/api/v1/air/daily?station=441704-air-01', 'grid')).status).toBe(403);
    const drill = await daily('/api/v1/air/daily?from=2026-07-01&to=2026-07-05&exercise=true');
    expect(drill.items).toEqual([expect.objectContaining({ date: '2026-07-03', aqi: 350 })]);
  });

  it.each([
    ['from=2026-07-05&to=2026-07-01', 'query.from'],
    ['from=2026-7-1', 'query.from'],
    ['from=2025-01-01&to=2026-07-01', 'query.to'],
    ['station=nope', 'query.station.0'],
    ['exercise=maybe', 'query.exercise'],
  ])('refuses %s with 422 naming %s', async (query, field) => {
    const res = await srv.get(`/api/v1/air/daily?${query}`);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toContain(field);
  });

  it('defaults to the last 30 days up to today', async () => {
    expect(await daily('/api/v1/air/daily/areas')).toMatchObject({ from: '2026-06-11', to: '2026-07-10' });
  });

  it('puts the year-to-date good-day ratio and PM2.5 mean into the vital signs, against the city pack targets', async () => {
    await srv.app.domain.refreshKpis(true);
    const kpi = (await (await srv.get('/api/v1/kpi')).json()) as { items: VitalSigns[] };
    const city = kpi.items.find((v) => v.scope === '441700')!;
    expect(city.airYear).toEqual({ year: 2026, validDays: 2, goodDays: 1, goodDaysRatio: 0.5, pm25Mean: 45, goodDaysTarget: 0.95, pm25Target: 22 });
    expect(kpi.items.find((v) => v.scope === '441704')!.airYear).toMatchObject({ validDays: 1, goodDays: 0, pm25Mean: 90 });
  });

  it('reads the year-to-date figures again when a past day changes, not on every tick', async () => {
    const cityYear = async () => {
      await srv.app.domain.refreshKpis(true);
      return ((await (await srv.get('/api/v1/kpi')).json()) as { items: VitalSigns[] }).items.find((v) => v.scope === '441700')!.airYear;
    };
    // A row written behind the server's back is not seen while nothing past has changed.
    await srv.db.query(`insert into air_daily (station_id, day, exercise, district, means, counts, valid)
      values ('441781-air-01', '2026-07-04', false, '441781', '{"pm25_24h": 10}', '{"pm25_24h": 24}', true)`);
    expect((await cityYear()).validDays).toBe(2);
    await srv.ingest('/api/v1/ingest/observations', hours('441781-air-02', '2026-07-05', 1, { pm25: 10 }));
    expect(await cityYear()).toMatchObject({ validDays: 3, goodDays: 2 });
  });

  it('fills the daily rows of readings stored before daily results existed', async () => {
    await srv.db.query('delete from air_daily');
    expect(await catchUpAirDays(srv.db)).toBe(6);
    expect(await catchUpAirDays(srv.db)).toBe(0);
    const r = await daily('/api/v1/air/daily/areas?from=2026-07-01&to=2026-07-01');
    expect(r.items[0]).toMatchObject({ aqi: 110 });
  });
});
