import type { Queryable } from '../../store/db.js';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import { OPEN_STATUSES } from '../../../../shared/domain/lifecycle.js';

/** The open stages as an SQL list, written out so the planner matches the partial index `cases_open_updated` (migration 007). */
const OPEN_SQL = `(${OPEN_STATUSES.map((st) => `'${st}'`).join(', ')})`;

/**
 * Per-district case counts: reported since `dayStart`, open, overdue, closed since `dayStart`,
 * and the closure-rate window; of real cases, or of drill cases when `exercise`. Read as two
 * index scans — the open cases (partial index) and the window's finished ones (by report
 * time) — never the whole table, which the one-condition `or` made the planner scan every
 * second at a million stored cases.
 */
export async function caseCounts(q: Queryable, dayStart: string, windowStart: string, now: string, exercise = false) {
  const { rows } = await q.query(
    `select district,
       count(*) filter (where reported_at >= $1)::int as today,
       count(*) filter (where status in ${OPEN_SQL})::int as open,
       count(*) filter (where status in ('dispatched','in_progress') and deadline_at < $3)::int as overdue,
       count(*) filter (where closed_at >= $1)::int as closed_today,
       count(*) filter (where reported_at >= $2 and status not in ('reported','rejected'))::int as registered_window,
       count(*) filter (where reported_at >= $2 and status in ('closed','evaluated'))::int as closed_window
     from (
       select district, status, reported_at, deadline_at, closed_at from cases where exercise = $4 and status in ${OPEN_SQL}
       union all
       select district, status, reported_at, deadline_at, closed_at from cases where exercise = $4 and reported_at >= $2 and status not in ${OPEN_SQL}
     ) c
     group by district`,
    [dayStart, windowStart, now, exercise],
  );
  return rows as { district: string | null; today: number; open: number; overdue: number; closed_today: number; registered_window: number; closed_window: number }[];
}

/**
 * Running real (or, when `exercise`, drill) official warnings (not the city's own environment
 * notices) per district and level, and how many still await acknowledgement; rows with a null
 * district count each alert once for the whole city.
 */
export async function alertCounts(q: Queryable, exercise = false) {
  const { rows } = await q.query(
    `select d as district, level, count(*)::int as n, count(*) filter (where state = 'active')::int as unacked
     from alerts, unnest(districts) as d where exercise = $1 and kind = 'warning' and state in ('active','acknowledged')
     group by d, level
     union all
     select null, level, count(*)::int, count(*) filter (where state = 'active')::int
     from alerts where exercise = $1 and kind = 'warning' and state in ('active','acknowledged') group by level`,
    [exercise],
  );
  return rows as { district: string | null; level: string; n: number; unacked: number }[];
}

/** Each station's latest real (or drill) reading newer than `since`. */
export async function latestReadings(q: Queryable, since: string, exercise = false) {
  const { rows } = await q.query(
    `select distinct on (station_id) station_id, kind, district, observed_at, "values", assessment
     from observations where exercise = $2 and observed_at >= $1 order by station_id, observed_at desc`,
    [since, exercise],
  );
  return rows as { station_id: string; kind: string; district: string; observed_at: Date; values: Record<string, number>; assessment: Record<string, unknown> }[];
}

/** The latest real (or drill) GDP row of each region. */
export async function latestGdp(q: Queryable, exercise = false) {
  const { rows } = await q.query(
    `select distinct on (region) region, period, cumulative_yoy, cumulative, annual_target
     from indicators where exercise = $1 and code = 'gdp' order by region, period desc`,
    [exercise],
  );
  return rows as { region: string; period: string; cumulative_yoy: number | null; cumulative: number | null; annual_target: number | null }[];
}

/**
 * Stores the vital signs as the sample of `minute` (the start of a minute), replacing that
 * minute's earlier sample of the same scope and partition (real or drill).
 */
export async function saveSamples(q: Queryable, minute: string, signs: VitalSigns[]): Promise<void> {
  if (signs.length === 0) return;
  await q.query(
    `insert into kpi_samples (scope, minute, exercise, signs)
     select s->>'scope', $1::timestamptz, coalesce((s->>'exercise')::boolean, false), s from jsonb_array_elements($2::jsonb) as s
     on conflict (scope, minute, exercise) do update set signs = excluded.signs`,
    [minute, JSON.stringify(signs)],
  );
}

/** The real (or drill) samples taken in [from, to], oldest first, of the given scopes (all when `null`). */
export async function samples(q: Queryable, from: string, to: string, scopes: string[] | null, exercise = false): Promise<VitalSigns[]> {
  const { rows } = await q.query<{ signs: VitalSigns }>(
    `select signs from kpi_samples
     where minute >= $1 and minute <= $2 and ($3::text[] is null or scope = any($3::text[])) and exercise = $4
     order by minute, scope`,
    [from, to, scopes, exercise],
  );
  return rows.map((r) => r.signs);
}

/** Deletes the samples of minutes before `before`. */
export async function pruneSamples(q: Queryable, before: string): Promise<void> {
  await q.query('delete from kpi_samples where minute < $1', [before]);
}
