import type { Queryable } from '../../store/db.js';
import { TREND_POLLUTANTS, type TrendPollutant } from '../../../../shared/contracts/stats.js';

/** A window of whole hours `[from, to)` in epoch hours (ms ÷ 3,600,000), read for some districts (null = all). */
export interface HourWindow {
  fromHour: number;
  toHour: number;
  districts: string[] | null;
  exercise: boolean;
}

// Buckets are computed from the epoch rather than with date_trunc so they do not depend on the
// session time zone (PostgreSQL servers differ; China keeps whole hours, so they match its clock).
const HOUR = `floor(extract(epoch from %s) / 3600)::int`;
const bucket = (col: string) => HOUR.replace('%s', col);
const hourIso = (h: number) => new Date(h * 3_600_000).toISOString();
const scope = (col: string, param: number) => `($${param}::text[] is null or ${col} = any($${param}::text[]))`;

/** Cases reported and cases closed per hour in the window (real or drill cases). */
export async function caseCountsByHour(q: Queryable, w: HourWindow): Promise<{ hour: number; reported: number; closed: number }[]> {
  const { rows } = await q.query<{ kind: string; h: number; n: number }>(
    `select 'reported' as kind, ${bucket('reported_at')} as h, count(*)::int as n from cases
       where exercise = $1 and reported_at >= $2::timestamptz and reported_at < $3::timestamptz and ${scope('district', 4)}
       group by 2
     union all
     select 'closed', ${bucket('closed_at')}, count(*)::int from cases
       where exercise = $1 and closed_at >= $2::timestamptz and closed_at < $3::timestamptz and ${scope('district', 4)}
       group by 2`,
    [w.exercise, hourIso(w.fromHour), hourIso(w.toHour), w.districts],
  );
  const byHour = new Map<number, { hour: number; reported: number; closed: number }>();
  for (const r of rows) {
    const b = byHour.get(Number(r.h)) ?? { hour: Number(r.h), reported: 0, closed: 0 };
    if (r.kind === 'reported') b.reported = Number(r.n);
    else b.closed = Number(r.n);
    byHour.set(b.hour, b);
  }
  return [...byHour.values()];
}

/** Per hour and pollutant: the mean of the air readings and how many readings carried it. */
export interface AirHourRow {
  hour: number;
  means: Record<TrendPollutant, number | null>;
  counts: Record<TrendPollutant, number>;
}

/** City (or scoped) means of the 1-hour pollutant values per hour in the window. */
export async function airMeansByHour(q: Queryable, w: HourWindow): Promise<AirHourRow[]> {
  const cols = TREND_POLLUTANTS.map((p) => `avg(("values"->>'${p}')::double precision) as ${p}, count("values"->>'${p}')::int as ${p}_n`).join(', ');
  const { rows } = await q.query<Record<string, number | null>>(
    `select ${bucket('observed_at')} as h, ${cols} from observations
       where kind = 'air' and exercise = $1 and observed_at >= $2::timestamptz and observed_at < $3::timestamptz and ${scope('district', 4)}
       group by 1`,
    [w.exercise, hourIso(w.fromHour), hourIso(w.toHour), w.districts],
  );
  return rows.map((r) => {
    const means = {} as AirHourRow['means'];
    const counts = {} as AirHourRow['counts'];
    for (const p of TREND_POLLUTANTS) {
      means[p] = r[p] == null ? null : Number(r[p]);
      counts[p] = Number(r[`${p}_n`] ?? 0);
    }
    return { hour: Number(r.h), means, counts };
  });
}
