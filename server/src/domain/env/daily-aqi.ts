import type { Queryable } from '../../store/db.js';
import type { Observation } from '../../../../shared/schemas/observation.js';
import { airDayMeans, type AirDayMeans, type AirHour } from '../../../../shared/domain/air-daily.js';
import { chinaDateString, chinaDayStart, chinaHour } from '../../../../shared/domain/time.js';

/** One station's China day in one partition (real or drill). */
interface StationDay {
  station_id: string;
  exercise: boolean;
  day: string;
}

/** Station-days recomputed per statement when catching up (bounds the rows read at once). */
const CATCH_UP_BATCH = 500;

const keyOf = (d: StationDay) => `${d.station_id}|${d.exercise}|${d.day}`;

/** The China date of a timestamp column, in SQL (independent of the session's time zone). */
const CHINA_DAY_SQL = (col: string) => `((${col} at time zone 'UTC') + interval '8 hours')::date`;

/**
 * Recomputes the daily rows (`air_daily`) of the given station-days from their stored hourly
 * readings: one read of those days' readings, one upsert. A day is always recomputed whole,
 * so hours arriving in any order and request give the same result.
 */
async function recompute(q: Queryable, days: StationDay[]): Promise<void> {
  if (!days.length) return;
  const spans = days.map((d) => {
    const from = chinaDayStart(`${d.day}T12:00:00+08:00`);
    return { ...d, from_at: from.toISOString(), to_at: new Date(from.getTime() + 86_400_000).toISOString() };
  });
  const { rows } = await q.query<{ station_id: string; exercise: boolean; district: string | null; observed_at: Date | string; values: Record<string, number> }>(
    `select o.station_id, o.exercise, o.district, o.observed_at, o."values" from observations o
     join jsonb_to_recordset($1::jsonb) as x(station_id text, exercise boolean, from_at timestamptz, to_at timestamptz)
       on o.station_id = x.station_id and o.exercise = x.exercise and o.observed_at >= x.from_at and o.observed_at < x.to_at`,
    [JSON.stringify(spans)],
  );
  const hours = new Map<string, { district: string | null; hours: AirHour[] }>();
  for (const r of rows) {
    const key = keyOf({ station_id: r.station_id, exercise: r.exercise, day: chinaDateString(r.observed_at) });
    const entry = hours.get(key) ?? { district: r.district, hours: [] };
    entry.hours.push({ hour: chinaHour(r.observed_at), values: r.values });
    hours.set(key, entry);
  }
  const out = days.flatMap((d) => {
    const h = hours.get(keyOf(d));
    if (!h) return [];
    const m: AirDayMeans = airDayMeans(h.hours);
    return [{ ...d, district: h.district, means: m.means, counts: m.counts, valid: m.valid }];
  });
  if (!out.length) return;
  await q.query(
    `insert into air_daily (station_id, day, exercise, district, means, counts, valid)
     select station_id, day, exercise, district, means, counts, valid from jsonb_to_recordset($1::jsonb)
       as x(station_id text, day date, exercise boolean, district text, means jsonb, counts jsonb, valid boolean)
     on conflict (station_id, day, exercise) do update set district = excluded.district, means = excluded.means,
       counts = excluded.counts, valid = excluded.valid, updated_at = now()`,
    [JSON.stringify(out)],
  );
}

/** Keeps the daily rows of the days that newly stored air readings fall on current (same transaction). */
export async function refreshAirDays(q: Queryable, readings: readonly Observation[]): Promise<void> {
  const days = new Map<string, StationDay>();
  for (const o of readings) {
    if (o.kind !== 'air') continue;
    const d = { station_id: o.stationId, exercise: o.exercise, day: chinaDateString(o.observedAt) };
    days.set(keyOf(d), d);
  }
  await recompute(q, [...days.values()]);
}

/**
 * Fills the daily rows of station-days that have air readings but no row yet (readings stored
 * before daily results existed); run once at start-up, then ingest keeps them current.
 * Returns how many station-days it computed.
 */
export async function catchUpAirDays(q: Queryable): Promise<number> {
  const { rows } = await q.query<StationDay>(
    `select distinct o.station_id, o.exercise, ${CHINA_DAY_SQL('o.observed_at')}::text as day from observations o
     where o.kind = 'air' and not exists (select 1 from air_daily d where d.station_id = o.station_id
       and d.exercise = o.exercise and d.day = ${CHINA_DAY_SQL('o.observed_at')})`,
  );
  for (let i = 0; i < rows.length; i += CATCH_UP_BATCH) await recompute(q, rows.slice(i, i + CATCH_UP_BATCH));
  return rows.length;
}
