import type { Queryable } from '../../store/db.js';
import { iso } from '../../store/sql-helpers.js';
import type { DutyPerson, DutyShift } from '../../../../shared/schemas/roster.js';

const COLUMNS = 'id, starts_at, ends_at, leader, officers, note, updated_by, updated_at';

function fromRow(r: Record<string, unknown>): DutyShift {
  return {
    id: String(r.id),
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    leader: r.leader as DutyPerson,
    officers: r.officers as DutyPerson[],
    note: (r.note as string | null) ?? null,
    updatedBy: String(r.updated_by),
    updatedAt: iso(r.updated_at),
  };
}

/** Inserts or replaces one shift. */
export async function upsertShift(q: Queryable, s: DutyShift): Promise<DutyShift> {
  const { rows } = await q.query(
    `insert into duty_shifts (${COLUMNS}) values ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8)
     on conflict (id) do update set starts_at = $2, ends_at = $3, leader = $4::jsonb, officers = $5::jsonb, note = $6, updated_by = $7, updated_at = $8
     returning ${COLUMNS}`,
    [s.id, s.startsAt, s.endsAt, JSON.stringify(s.leader), JSON.stringify(s.officers), s.note, s.updatedBy, s.updatedAt],
  );
  return fromRow(rows[0]!);
}

/** One shift, or null. */
export async function getShift(q: Queryable, id: string): Promise<DutyShift | null> {
  const { rows } = await q.query(`select ${COLUMNS} from duty_shifts where id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The shifts that overlap `[from, to)`, earliest first, but `except` (the shift being changed). */
export async function shiftsBetween(q: Queryable, from: string, to: string, except: string | null = null): Promise<DutyShift[]> {
  const { rows } = await q.query(`select ${COLUMNS} from duty_shifts where starts_at < $2 and ends_at > $1 and id is distinct from $3 order by starts_at, id`, [from, to, except]);
  return rows.map(fromRow);
}

/** The shift running at `at`, or null. */
export async function shiftAt(q: Queryable, at: string): Promise<DutyShift | null> {
  const { rows } = await q.query(`select ${COLUMNS} from duty_shifts where starts_at <= $1 and ends_at > $1 order by starts_at desc limit 1`, [at]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The first shift starting at or after `at`, or null. */
export async function shiftAfter(q: Queryable, at: string): Promise<DutyShift | null> {
  const { rows } = await q.query(`select ${COLUMNS} from duty_shifts where starts_at >= $1 order by starts_at limit 1`, [at]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** Deletes a shift; false when it has a handover report (kept as filed) or does not exist. */
export async function deleteShift(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query('delete from duty_shifts s where id = $1 and not exists (select 1 from handover_reports r where r.shift_id = s.id) returning id', [id]);
  return rows.length > 0;
}

/** Whether a handover report was filed for the shift. */
export async function hasReport(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query('select 1 from handover_reports where shift_id = $1', [id]);
  return rows.length > 0;
}
