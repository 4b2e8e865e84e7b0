import type { Queryable } from '../../store/db.js';
import { iso } from '../../store/sql-helpers.js';
import type { Observation } from '../../../../shared/schemas/observation.js';

/** The columns {@link fromRow} reads. */
export const COLUMNS = 'id, station_id, kind, district, observed_at, "values", assessment, exercise';

/** A stored reading from its row. */
export function fromRow(r: Record<string, unknown>): Observation {
  return {
    id: String(r.id),
    stationId: String(r.station_id),
    kind: r.kind as Observation['kind'],
    district: (r.district as string | null) ?? null,
    observedAt: iso(r.observed_at),
    values: r.values as Observation['values'],
    assessment: r.assessment as Observation['assessment'],
    exercise: Boolean(r.exercise),
  };
}

/**
 * Inserts readings; a reading of a station at a time already stored is kept as it was.
 * Returns every reading's stored id, in input order.
 */
export async function insertObservations(q: Queryable, obs: Omit<Observation, 'id'>[]): Promise<{ ids: string[]; inserted: Observation[] }> {
  const rows = obs.map((o) => ({
    station_id: o.stationId,
    kind: o.kind,
    district: o.district,
    observed_at: o.observedAt,
    values: o.values,
    assessment: o.assessment,
    exercise: o.exercise,
  }));
  const { rows: ins } = await q.query(
    `insert into observations (station_id, kind, district, observed_at, "values", assessment, exercise)
     select station_id, kind, district, observed_at, "values", assessment, exercise from jsonb_to_recordset($1::jsonb)
       as x(station_id text, kind text, district text, observed_at timestamptz, "values" jsonb, assessment jsonb, exercise boolean)
     on conflict (station_id, observed_at, exercise) do nothing returning ${COLUMNS}`,
    [JSON.stringify(rows)],
  );
  const inserted = ins.map(fromRow);
  const key = (s: string, at: string, x: boolean) => `${s}|${new Date(at).getTime()}|${x}`;
  const byKey = new Map(inserted.map((o) => [key(o.stationId, o.observedAt, o.exercise), o.id]));
  const missing = obs.filter((o) => !byKey.has(key(o.stationId, o.observedAt, o.exercise)));
  if (missing.length) {
    const { rows: old } = await q.query(
      `select o.id, o.station_id, o.observed_at, o.exercise from observations o
       join jsonb_to_recordset($1::jsonb) as x(station_id text, observed_at timestamptz, exercise boolean)
         on o.station_id = x.station_id and o.observed_at = x.observed_at and o.exercise = x.exercise`,
      [JSON.stringify(missing.map((o) => ({ station_id: o.stationId, observed_at: o.observedAt, exercise: o.exercise })))],
    );
    for (const r of old) byKey.set(key(String(r.station_id), iso(r.observed_at), Boolean(r.exercise)), String(r.id));
  }
  return { ids: obs.map((o) => byKey.get(key(o.stationId, o.observedAt, o.exercise))!), inserted };
}

/** The latest reading of every station (real data only unless asked). */
export async function latestPerStation(q: Queryable, exercise = false): Promise<Observation[]> {
  const { rows } = await q.query(
    `select distinct on (station_id) ${COLUMNS} from observations where exercise = $1
     order by station_id, observed_at desc`,
    [exercise],
  );
  return rows.map(fromRow);
}

/** Readings of one station in a window, oldest first. */
export async function history(q: Queryable, stationId: string, from: string, to: string, limit = 2000): Promise<Observation[]> {
  const { rows } = await q.query(
    `select ${COLUMNS} from observations where station_id = $1 and exercise = false and observed_at >= $2 and observed_at < $3
     order by observed_at limit $4`,
    [stationId, from, to, limit],
  );
  return rows.map(fromRow);
}
