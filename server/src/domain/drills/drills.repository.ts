import type { Queryable } from '../../store/db.js';
import { iso, isoOrNull } from '../../store/sql-helpers.js';
import type { DrillSession } from '../../../../shared/schemas/drill.js';

const COLUMNS = 'id, name, scenario, districts, started_at, started_by, ended_at, ended_by, last_data_at';

function fromRow(r: Record<string, unknown>): DrillSession {
  return {
    id: String(r.id),
    name: String(r.name),
    scenario: (r.scenario as string | null) ?? null,
    districts: (r.districts as string[]) ?? [],
    startedAt: iso(r.started_at),
    startedBy: String(r.started_by),
    endedAt: isoOrNull(r.ended_at),
    endedBy: (r.ended_by as string | null) ?? null,
    lastDataAt: iso(r.last_data_at),
  };
}

/** Stores a new open session. */
export async function insert(q: Queryable, s: DrillSession): Promise<DrillSession> {
  const { rows } = await q.query(
    `insert into drills (id, name, scenario, districts, started_at, started_by, last_data_at)
     values ($1, $2, $3, $4, $5, $6, $5) returning ${COLUMNS}`,
    [s.id, s.name, s.scenario, s.districts, s.startedAt, s.startedBy],
  );
  return fromRow(rows[0]!);
}

/** Ends an open session; null when it is unknown or already ended. */
export async function end(q: Queryable, id: string, at: string, by: string): Promise<DrillSession | null> {
  const { rows } = await q.query(`update drills set ended_at = $2, ended_by = $3 where id = $1 and ended_at is null returning ${COLUMNS}`, [id, at, by]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** One session by id, or null. */
export async function get(q: Queryable, id: string): Promise<DrillSession | null> {
  const { rows } = await q.query(`select ${COLUMNS} from drills where id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** Open sessions (or the latest `limit` sessions, open or ended), newest first. */
export async function list(q: Queryable, f: { openOnly: boolean; limit: number }): Promise<DrillSession[]> {
  const { rows } = await q.query(`select ${COLUMNS} from drills ${f.openOnly ? 'where ended_at is null' : ''} order by started_at desc, id limit $1`, [f.limit]);
  return rows.map(fromRow);
}

/** Records that exercise data arrived at `at` for every open session. */
export async function touch(q: Queryable, at: string): Promise<void> {
  await q.query('update drills set last_data_at = greatest(last_data_at, $1::timestamptz) where ended_at is null', [at]);
}

/**
 * Ends, as `auto`, the open sessions that heard no exercise data since `idleSince` while no
 * exercise alert is in force; returns them.
 */
export async function endIdle(q: Queryable, idleSince: string, at: string): Promise<DrillSession[]> {
  const { rows } = await q.query(
    `update drills set ended_at = $2, ended_by = 'auto'
     where ended_at is null and last_data_at < $1
       and not exists (select 1 from alerts where exercise = true and state in ('active','acknowledged'))
     returning ${COLUMNS}`,
    [idleSince, at],
  );
  return rows.map(fromRow);
}
