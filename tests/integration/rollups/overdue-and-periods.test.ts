import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent } from '../../fixtures/payloads.js';
import type { EvaluationAnswer, HeatmapAnswer, HeatmapTrendAnswer } from '../../../shared/contracts/evaluation.js';

// 10:30 China time on 1 July 2026. Every case is a manhole cover (a 4-hour natural-time deadline) in one cell of 江城区.
const NOW = new Date('2026-07-01T02:30:00Z');
const local = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();
const SPOT = { lon: 111.9512, lat: 21.8563 };

describe.each(['pglite', 'postgres'] as const)('exact overdue counts and calendar 环比 on %s', (engine) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | undefined;
  beforeAll(async () => {
    schema = engine === 'postgres' ? await pgSchema() : undefined;
    srv = await startTestServer({ now: () => NOW, databaseUrl: schema?.url });
    const at = (day: string, time: string, over: Record<string, unknown> = {}) =>
      gridEvent({ location: SPOT, reportedAt: local(day, time), status: 'dispatched', statusAt: local(day, time), ...over });
    const a = at('2026-07-01', '07:00'); // due 11:00 today: not yet overdue at 10:30
    const b = at('2026-07-01', '05:00'); // due 09:00 today, still open: overdue
    const c = at('2026-07-01', '04:00'); // due 08:00, fed back at 06:00: on time
    const d = at('2026-06-30', '10:00'); // due 14:00 yesterday, fed back at 20:00: overdue yesterday
    const e = at('2026-06-10', '10:00'); // due 14:00 on 10 June, still open: overdue then, outside the last 7 days
    const f = at('2026-07-01', '05:00', { exercise: true }); // a drill case, due 09:00: overdue in the drill only
    const g = at('2026-05-20', '10:00'); // in May: the month June is compared with
    expect((await srv.ingest('/api/v1/ingest/grid-events', [a, b, c, d, e, f, g])).status).toBe(202);
    const later = [
      { ...c, status: 'feedback', statusAt: local('2026-07-01', '06:00') },
      { ...d, status: 'feedback', statusAt: local('2026-06-30', '20:00') },
    ];
    expect((await srv.ingest('/api/v1/ingest/grid-events', later)).status).toBe(202);
  });
  afterAll(async () => {
    await srv.close();
    await schema?.drop();
  });

  async function json<T>(path: string): Promise<T> {
    const res = await srv.get(path, 'leader');
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  }
  const overdue = async (query: string) => (await json<HeatmapAnswer>(`/api/v1/heatmap?metric=overdue&${query}`)).cells.reduce((s, c) => s + (c.value ?? 0), 0);

  it('counts a case overdue once its deadline has passed without feedback, not while it is still ahead', async () => {
    expect(await overdue('period=2026-07-01')).toBe(1); // b; a is due at 11:00
    expect(await overdue('period=2026-06-30')).toBe(1); // d, fed back late
    expect(await overdue(`from=${encodeURIComponent(local('2026-06-25', '00:00'))}`)).toBe(2); // b and d
    expect(await overdue('period=2026-06')).toBe(2); // d and e
    expect(await overdue('period=2026-07-01&exercise=true')).toBe(1); // f, never mixed with real data
  });

  it('puts the not-yet-due case back on no day of the trend', async () => {
    const map = await json<HeatmapAnswer>('/api/v1/heatmap?metric=overdue&period=2026-07-01');
    const trend = await json<HeatmapTrendAnswer>(`/api/v1/heatmap/cells/${map.cells[0]!.cell}/trend?metric=overdue&period=2026-07`);
    expect(trend.points).toEqual([{ day: '2026-07-01', value: 1 }]);
  });

  it('compares a calendar month with the month before, and a month still running with as many days', async () => {
    const june = await json<EvaluationAnswer>('/api/v1/evaluation?period=2026-06&by=district');
    expect([june.from, june.to, june.previousFrom, june.previousTo]).toEqual([local('2026-06-01', '00:00'), local('2026-07-01', '00:00'), local('2026-05-01', '00:00'), local('2026-06-01', '00:00')]);
    expect([june.lastYearFrom, june.lastYearTo]).toEqual([local('2025-06-01', '00:00'), local('2025-07-01', '00:00')]);
    const row = june.rows.find((r) => r.key === '441702')!;
    expect(row.indicators.dispatched).toBe(2);
    expect(row.previous).toMatchObject({ dispatched: 1 });
    const july = await json<HeatmapAnswer>('/api/v1/heatmap?period=2026-07');
    expect([july.to, july.previousFrom, july.previousTo]).toEqual([NOW.toISOString(), local('2026-06-01', '00:00'), local('2026-06-01', '10:30')]);
  });

  it('refuses a malformed period, or one given with from and to, naming the field', async () => {
    for (const query of ['period=2026-13', 'period=2026-02-30', `period=2026-06&from=${encodeURIComponent(local('2026-06-01', '00:00'))}`]) {
      const res = await srv.get(`/api/v1/evaluation?${query}`);
      expect(res.status, query).toBe(422);
      expect(JSON.stringify(await res.json())).toContain('query.period');
    }
  });
});
