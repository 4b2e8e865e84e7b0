import type { Queryable } from '../../store/db.js';
import { TREND_POLLUTANTS, type AirTrendHour, type CaseTrendHour, type HourlyStats } from '../../../../shared/contracts/stats.js';
import { airMeansByHour, caseCountsByHour, type HourWindow } from './stats.repository.js';

const HOUR_MS = 3_600_000;

/** What a trend is asked for: the last `hours` hours up to `now`, for some districts (null = all). */
export interface TrendRequest {
  hours: number;
  districts: string[] | null;
  exercise: boolean;
  now: Date;
}

/** The window ending with the hour that contains `now` (the current, partial hour is the last bucket). */
function windowOf(r: TrendRequest): HourWindow {
  const current = Math.floor(r.now.getTime() / HOUR_MS);
  return { fromHour: current - r.hours + 1, toHour: current + 1, districts: r.districts, exercise: r.exercise };
}

/** Every hour of the window in order, empty hours filled by `empty`. */
function fill<T>(w: HourWindow, found: Map<number, T>, empty: (hour: string) => T): T[] {
  const out: T[] = [];
  for (let h = w.fromHour; h < w.toHour; h++) out.push(found.get(h) ?? empty(new Date(h * HOUR_MS).toISOString()));
  return out;
}

/** Cases reported and closed per hour over the last `hours` hours. */
export async function caseTrend(q: Queryable, r: TrendRequest): Promise<HourlyStats<CaseTrendHour>> {
  const w = windowOf(r);
  const rows = await caseCountsByHour(q, w);
  const found = new Map(rows.map((x) => [x.hour, { hour: new Date(x.hour * HOUR_MS).toISOString(), reported: x.reported, closed: x.closed }]));
  return { asOf: r.now.toISOString(), hours: fill(w, found, (hour) => ({ hour, reported: 0, closed: 0 })) };
}

/** Hourly means of the trend pollutants over the air stations' readings of the last `hours` hours. */
export async function airTrend(q: Queryable, r: TrendRequest): Promise<HourlyStats<AirTrendHour>> {
  const w = windowOf(r);
  const rows = await airMeansByHour(q, w);
  const found = new Map(rows.map((x) => [x.hour, { hour: new Date(x.hour * HOUR_MS).toISOString(), means: x.means, counts: x.counts }]));
  const none = <V>(v: V) => Object.fromEntries(TREND_POLLUTANTS.map((p) => [p, v])) as Record<(typeof TREND_POLLUTANTS)[number], V>;
  return { asOf: r.now.toISOString(), hours: fill(w, found, (hour) => ({ hour, means: none(null), counts: none(0) })) };
}
