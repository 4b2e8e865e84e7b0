import { describe, expect, it } from 'vitest';
import { CaseTrend } from '../../../../client/src/model/aggregates/case-trend.js';
import { caseTrendUpdate } from '../../../../client/src/widgets/CaseTrend24h/case-trend-option.js';
import type { CaseTrendHour, HourlyStats } from '../../../../shared/contracts/stats.js';
import { gridCase } from './fixtures.js';

const H = 3_600_000;
// 10:30 China time; the window's last hour starts 02:00 UTC.
const AS_OF = Date.parse('2026-07-01T02:30:00Z');
const at = (minutesAfterAsOf: number) => new Date(AS_OF + minutesAfterAsOf * 60_000).toISOString();

function stats(hours = 24): HourlyStats<CaseTrendHour> {
  const last = Math.floor(AS_OF / H);
  return {
    asOf: new Date(AS_OF).toISOString(),
    hours: Array.from({ length: hours }, (_, i) => ({ hour: new Date((last - hours + 1 + i) * H).toISOString(), reported: i, closed: 1 })),
  };
}

function seeded(): CaseTrend {
  const t = new CaseTrend();
  t.seed(stats());
  return t;
}

describe('CaseTrend: 24 hourly buckets from the server, then live increments', () => {
  it('starts from the server buckets, oldest first', () => {
    const h = seeded().hours();
    expect(h).toHaveLength(24);
    expect(h[0]).toMatchObject({ reported: 0, closed: 1 });
    expect(h[23]).toMatchObject({ hour: Math.floor(AS_OF / H), reported: 23, closed: 1 });
  });

  it('does nothing before the statistics arrive', () => {
    const t = new CaseTrend();
    expect(t.apply([gridCase({ id: 'a', reportedAt: at(1) })], AS_OF)).toBe(false);
    expect(t.seeded).toBe(false);
  });

  it('counts a case first seen after the statistics as reported in its hour, once', () => {
    const t = seeded();
    const c = gridCase({ id: 'a', reportedAt: at(5) });
    expect(t.apply([c], AS_OF + 60_000)).toBe(true);
    expect(t.hours()[23]!.reported).toBe(24);
    // The same case updated again (registered, dispatched) does not count again.
    t.apply(
      [
        { ...c, status: 'registered' },
        { ...c, status: 'dispatched' },
      ],
      AS_OF + 120_000,
    );
    expect(t.hours()[23]!.reported).toBe(24);
  });

  it('leaves cases the statistics already counted alone (reported before asOf)', () => {
    const t = seeded();
    expect(t.apply([gridCase({ id: 'old', reportedAt: at(-20), status: 'dispatched' })], AS_OF + 1000)).toBe(false);
    expect(t.hours()[23]!.reported).toBe(23);
  });

  it('counts a newly closed case in its closing hour, whenever it was reported, once', () => {
    const t = seeded();
    const c = gridCase({ id: 'b', reportedAt: at(-600), status: 'closed', closedAt: at(10) });
    t.apply([c], AS_OF + 11 * 60_000);
    expect(t.hours()[23]).toMatchObject({ reported: 23, closed: 2 });
    t.apply([{ ...c, status: 'evaluated' }], AS_OF + 12 * 60_000);
    expect(t.hours()[23]!.closed).toBe(2);
  });

  it('slides into a new hour: the oldest bucket drops, the new one starts empty and counts', () => {
    const t = seeded();
    const nextHour = AS_OF + 40 * 60_000; // 03:10 UTC
    t.apply([gridCase({ id: 'c', reportedAt: at(35) })], nextHour);
    const h = t.hours();
    expect(h).toHaveLength(24);
    expect(h[0]).toMatchObject({ reported: 1 });
    expect(h[22]).toMatchObject({ reported: 23 });
    expect(h[23]).toMatchObject({ hour: Math.floor(AS_OF / H) + 1, reported: 1, closed: 0 });
  });

  it('counts a case reported live during a disconnect when a reset snapshot brings it', () => {
    const t = seeded();
    t.apply([gridCase({ id: 'd', reportedAt: at(3) }), gridCase({ id: 'e', reportedAt: at(-3) })], AS_OF + 5 * 60_000);
    expect(t.hours()[23]!.reported).toBe(24);
  });

  it('forgets cases once their hour has left the window, so memory stays bounded', () => {
    const t = seeded();
    for (let i = 0; i < 50; i++) t.apply([gridCase({ id: `n${i}`, reportedAt: at(1 + (i % 20)) })], AS_OF + 25 * 60_000);
    expect(t.remembered).toBe(50);
    t.slideTo(AS_OF + 25 * H);
    expect(t.remembered).toBe(0);
    expect(t.hours().every((h) => h.reported === 0 && h.closed === 0)).toBe(true);
  });

  it('builds a merge of bounded arrays with localised names', () => {
    const rows = seeded().hours();
    const u = caseTrendUpdate(rows, { reported: '上报', closed: '结案' }, (h) => `h${h}`) as { xAxis: { data: string[] }; series: { id: string; name: string; data: number[] }[] };
    expect(u.xAxis.data).toHaveLength(24);
    expect(u.series.map((s) => [s.id, s.name, s.data.length])).toEqual([
      ['reported', '上报', 24],
      ['closed', '结案', 24],
    ]);
    expect(u.series[0]!.data[23]).toBe(23);
  });
});
