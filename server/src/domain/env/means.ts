import { isDeepStrictEqual } from 'node:util';
import type { Queryable } from '../../store/db.js';
import type { Observation, ObservationInput } from '../../../../shared/schemas/observation.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import { HJ633_2026_EFFECTIVE } from '../../../../shared/domain/aqi-breakpoints.js';
import { assess } from './assess.js';
import { COLUMNS, fromRow } from './observations.repository.js';

const DAY_MS = 86_400_000;
/** Particles the 2012 real-time report reads as 24-hour moving means. */
const PARTICLES = ['pm25', 'pm10'] as const;

/** A stretch of one station's partition (real or drill) whose assessments a new hour may change. */
interface Stretch {
  station_id: string;
  exercise: boolean;
  from_at: string;
  to_at: string;
}

/**
 * Each new particle hour changes the 2012 real-time means of itself and of the 24 hours after
 * it (the 2026 edition reads the hour alone, so the stretch stops at its start); overlapping
 * stretches of one station and partition are merged so a back-fill is read once.
 */
function affectedStretches(readings: readonly Observation[]): Stretch[] {
  const byKey = new Map<string, { stationId: string; exercise: boolean; spans: [number, number][] }>();
  for (const o of readings) {
    if (o.kind !== 'air' || !PARTICLES.some((k) => o.values[k] !== undefined)) continue;
    const from = Date.parse(o.observedAt);
    const to = Math.min(from + DAY_MS, HJ633_2026_EFFECTIVE.getTime());
    if (from >= to) continue;
    const key = `${o.stationId}|${o.exercise}`;
    const entry = byKey.get(key) ?? { stationId: o.stationId, exercise: o.exercise, spans: [] };
    entry.spans.push([from, to]);
    byKey.set(key, entry);
  }
  const out: Stretch[] = [];
  for (const { stationId, exercise, spans } of byKey.values()) {
    spans.sort((a, b) => a[0] - b[0]);
    let [from, to] = spans[0]!;
    const flush = () => out.push({ station_id: stationId, exercise, from_at: new Date(from).toISOString(), to_at: new Date(to).toISOString() });
    for (const [f, t] of spans.slice(1)) {
      if (f <= to) to = Math.max(to, t);
      else {
        flush();
        [from, to] = [f, t];
      }
    }
    flush();
  }
  return out;
}

/**
 * The readings in the stretches with the particle means over the 24 hours ending with each
 * reading, that hour included: the frame runs from just after the hour a day before (hourly
 * readings exactly 24 h earlier fall outside) to the reading itself. Readings of the same
 * request are already stored, so every arrival order gives the same means.
 */
const WINDOW_SQL = `
  with s as (select * from jsonb_to_recordset($1::jsonb) as x(station_id text, exercise boolean, from_at timestamptz, to_at timestamptz)),
  w as (
    select ${COLUMNS.split(', ')
      .map((c) => `o.${c}`)
      .join(', ')}, s.from_at,
      ${PARTICLES.map((k) => `avg((o."values"->>'${k}')::double precision) over day as ${k}_24h`).join(', ')}
    from observations o join s on o.station_id = s.station_id and o.exercise = s.exercise
      and o.observed_at > s.from_at - interval '24 hours' and o.observed_at < s.to_at
    window day as (partition by o.station_id, o.exercise, s.from_at order by o.observed_at
                   range between interval '23:59:59.999999' preceding and current row)
  )
  select * from w where observed_at >= from_at`;

/** Advisory-lock class of a station's air partition (two-key locks never meet migrate's one-key lock). */
const AIR_LOCK_CLASS = 7334212;

/**
 * Serialises the transactions that store air readings of the same station and partition, so
 * each one's means and daily rows are read after the other's hours are committed (two nodes,
 * or HTTP and MQTT at once). Keys are taken in sorted order: no two transactions deadlock.
 */
export async function lockAirStations(tx: Queryable, readings: readonly Observation[]): Promise<void> {
  const keys = [...new Set(readings.filter((o) => o.kind === 'air').map((o) => `${o.stationId}|${o.exercise}`))].sort();
  if (keys.length) await tx.query(`select pg_advisory_xact_lock(${AIR_LOCK_CLASS}, hashtext(k)) from unnest($1::text[]) as k`, [keys]);
}

/**
 * Re-assesses the air readings whose HJ 633—2012 real-time particle means the newly stored
 * `readings` change (the new readings themselves and the stored hours after them), stores the
 * assessments that changed and returns those readings. Means a station sent itself
 * (`pm25_24h` in `values`) are kept; derived ones live in `assessment.means` only.
 */
export async function reassessMovingMeans(tx: Queryable, stations: Map<string, Station>, readings: readonly Observation[]): Promise<Observation[]> {
  const stretches = affectedStretches(readings);
  if (!stretches.length) return [];
  const { rows } = await tx.query(WINDOW_SQL, [JSON.stringify(stretches)]);
  const changed: Observation[] = [];
  for (const row of rows) {
    const o = fromRow(row);
    const station = stations.get(o.stationId);
    if (!station) continue;
    const means: Record<string, number> = {};
    for (const k of PARTICLES) {
      const mean = row[`${k}_24h`];
      if (o.values[k] !== undefined && o.values[`${k}_24h`] === undefined && mean != null) means[`${k}_24h`] = Number(mean);
    }
    const assessment = assess(o as ObservationInput, station, means);
    if (!isDeepStrictEqual(assessment, o.assessment)) changed.push({ ...o, assessment });
  }
  if (changed.length) {
    await tx.query(`update observations o set assessment = x.assessment from jsonb_to_recordset($1::jsonb) as x(id bigint, assessment jsonb) where o.id = x.id`, [
      JSON.stringify(changed.map((c) => ({ id: c.id, assessment: c.assessment }))),
    ]);
  }
  return changed;
}
