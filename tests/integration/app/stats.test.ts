import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent, YANGCHUN } from '../../fixtures/payloads.js';
import type { AirTrendHour, CaseTrendHour, HourlyStats } from '../../../shared/contracts/stats.js';

// A fixed clock in the middle of an hour: 10:30 China time is 02:30 UTC.
const NOW = new Date('2026-07-01T02:30:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const hourOf = (iso: string) => `${iso.slice(0, 13)}:00:00.000Z`;

describe.each(['pglite', 'postgres'] as const)('GET /api/v1/stats on %s: hourly trends that seed the screen charts', (engine) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | undefined;
  beforeAll(async () => {
    schema = engine === 'postgres' ? await pgSchema() : undefined;
    srv = await startTestServer({ now: () => NOW, databaseUrl: schema?.url });
    const cases = [
      gridEvent({ reportedAt: ago(170) }),
      gridEvent({ reportedAt: ago(175) }),
      // Reported 5 h ago, closed 1 h ago: one in each of two buckets.
      gridEvent({ reportedAt: ago(300), status: 'closed', statusAt: ago(50) }),
      // Reported before the window, closed inside it: counts as closed only.
      gridEvent({ reportedAt: ago(30 * 60), status: 'closed', statusAt: ago(10) }),
      gridEvent({ reportedAt: ago(170), location: YANGCHUN }),
      gridEvent({ reportedAt: ago(170), exercise: true }),
    ];
    expect((await srv.ingest('/api/v1/ingest/grid-events', cases)).status).toBe(202);
    const air = (stationId: string, minutes: number, pm25: number, exercise = false) => ({ kind: 'air', stationId, observedAt: ago(minutes), values: { pm25, pm10: pm25 * 2, no2: 20 }, exercise });
    const readings = [air('441702-air-01', 25, 30), air('441702-air-02', 20, 50), air('441702-air-01', 85, 10), air('441702-air-02', 20, 500, true)];
    expect((await srv.ingest('/api/v1/ingest/observations', readings)).status).toBe(202);
  });
  afterAll(async () => {
    await srv.close();
    await schema?.drop();
  });

  async function trend<T>(path: string, user: 'leader' | 'grid' = 'leader') {
    const res = await srv.get(path, user);
    expect(res.status).toBe(200);
    return (await res.json()) as HourlyStats<T>;
  }

  it('counts reported and closed cases per hour over the last 24 hours, oldest first', async () => {
    const t = await trend<CaseTrendHour>('/api/v1/stats/case-trend');
    expect(t.asOf).toBe(NOW.toISOString());
    expect(t.hours).toHaveLength(24);
    expect(t.hours.at(-1)!.hour).toBe('2026-07-01T02:00:00.000Z');
    expect(t.hours[0]!.hour).toBe('2026-06-30T03:00:00.000Z');
    const at = (iso: string) => t.hours.find((h) => h.hour === hourOf(iso));
    expect(at(ago(170))).toMatchObject({ reported: 3, closed: 0 });
    expect(at(ago(300))).toMatchObject({ reported: 1, closed: 0 });
    expect(at(ago(50))).toMatchObject({ reported: 0, closed: 1 });
    expect(at(ago(10))).toMatchObject({ reported: 0, closed: 1 });
    expect(t.hours.reduce((n, h) => n + h.reported, 0)).toBe(4);
  });

  it('keeps drill cases apart: only with exercise=true, and then only them', async () => {
    const drill = await trend<CaseTrendHour>('/api/v1/stats/case-trend?exercise=true');
    expect(drill.hours.reduce((n, h) => n + h.reported + h.closed, 0)).toBe(1);
    expect(drill.hours.find((h) => h.hour === hourOf(ago(170)))).toMatchObject({ reported: 1 });
  });

  it('scopes to the districts a grid user holds, and to the districts asked for', async () => {
    const grid = await trend<CaseTrendHour>('/api/v1/stats/case-trend', 'grid');
    expect(grid.hours.find((h) => h.hour === hourOf(ago(170)))).toMatchObject({ reported: 2 });
    const yangchun = await trend<CaseTrendHour>('/api/v1/stats/case-trend?district=441781');
    expect(yangchun.hours.reduce((n, h) => n + h.reported, 0)).toBe(1);
    expect((await srv.get('/api/v1/stats/case-trend?district=441781', 'grid')).status).toBe(403);
  });

  it('shortens the window on request', async () => {
    const t = await trend<CaseTrendHour>('/api/v1/stats/case-trend?hours=2');
    expect(t.hours.map((h) => h.hour)).toEqual(['2026-07-01T01:00:00.000Z', '2026-07-01T02:00:00.000Z']);
    expect(t.hours.map((h) => h.closed)).toEqual([1, 1]);
  });

  it('averages the air readings of each hour per pollutant, with how many readings carried it', async () => {
    const t = await trend<AirTrendHour>('/api/v1/stats/air-trend');
    expect(t.hours).toHaveLength(24);
    const current = t.hours.at(-1)!;
    expect(current.means).toEqual({ pm25: 40, pm10: 80, no2: 20, o3: null });
    expect(current.counts).toEqual({ pm25: 2, pm10: 2, no2: 2, o3: 0 });
    expect(t.hours.at(-2)!.means.pm25).toBe(10);
    expect(t.hours.slice(0, -2).every((h) => h.means.pm25 === null && h.counts.pm25 === 0)).toBe(true);
    const drill = await trend<AirTrendHour>('/api/v1/stats/air-trend?exercise=true');
    expect(drill.hours.at(-1)!.means.pm25).toBe(500);
  });

  it('answers 422 naming the parameter for bad input', async () => {
    for (const q of ['hours=0', 'hours=169', 'hours=abc', 'district=12', 'exercise=yes']) {
      const res = await srv.get(`/api/v1/stats/case-trend?${q}`);
      expect(res.status, q).toBe(422);
      const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.issues[0]!.path).toMatch(/^query\./);
    }
    expect((await fetch(`${srv.url}/api/v1/stats/air-trend`)).status).toBe(401);
  });
});
