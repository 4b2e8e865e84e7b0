import type { Queryable } from '../../store/db.js';
import type { Assignment, AssignmentEvent, AssignmentState, DispatchTargetKind } from '../../../../shared/schemas/dispatch.js';

/** An assignment as stored; its history is read beside it. */
export type AssignmentRecord = Omit<Assignment, 'history' | 'resourceName' | 'resourceType'>;

const COLUMNS = 'id, exercise, target_kind, target_id, target_label, resource_id, kind, item, quantity, state, district, created_at, created_by, updated_at, updated_by';
const iso = (v: unknown) => new Date(v as string).toISOString();

function fromRow(r: Record<string, unknown>): AssignmentRecord {
  return {
    id: String(r.id),
    exercise: Boolean(r.exercise),
    target: { kind: r.target_kind as DispatchTargetKind, id: String(r.target_id), label: (r.target_label as string | null) ?? null },
    resourceId: String(r.resource_id),
    district: String(r.district),
    kind: r.kind as AssignmentRecord['kind'],
    item: String(r.item),
    quantity: Number(r.quantity),
    state: r.state as AssignmentState,
    createdAt: iso(r.created_at),
    createdBy: String(r.created_by),
    updatedAt: iso(r.updated_at),
    updatedBy: String(r.updated_by),
  };
}

export async function insert(q: Queryable, a: AssignmentRecord): Promise<void> {
  await q.query(`insert into dispatch_assignments (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, [
    a.id,
    a.exercise,
    a.target.kind,
    a.target.id,
    a.target.label,
    a.resourceId,
    a.kind,
    a.item,
    a.quantity,
    a.state,
    a.district,
    a.createdAt,
    a.createdBy,
    a.updatedAt,
    a.updatedBy,
  ]);
}

/** Writes an assignment's state and quantity (the only things that change). */
export async function update(q: Queryable, a: AssignmentRecord): Promise<void> {
  await q.query('update dispatch_assignments set state = $2, quantity = $3, updated_at = $4, updated_by = $5 where id = $1', [a.id, a.state, a.quantity, a.updatedAt, a.updatedBy]);
}

export async function get(q: Queryable, id: string, forUpdate = false): Promise<AssignmentRecord | null> {
  const { rows } = await q.query(`select ${COLUMNS} from dispatch_assignments where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

export async function appendHistory(q: Queryable, id: string, e: AssignmentEvent): Promise<void> {
  await q.query('insert into dispatch_history (assignment_id, at, actor, state, quantity, note) values ($1, $2, $3, $4, $5, $6)', [id, e.at, e.actor, e.state, e.quantity, e.note]);
}

/** The histories of these assignments, oldest step first. */
export async function histories(q: Queryable, ids: string[]): Promise<Map<string, AssignmentEvent[]>> {
  const out = new Map<string, AssignmentEvent[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const { rows } = await q.query('select assignment_id, at, actor, state, quantity, note from dispatch_history where assignment_id = any($1::text[]) order by at, id', [ids]);
  for (const r of rows)
    out.get(String(r.assignment_id))?.push({ at: iso(r.at), actor: String(r.actor), state: r.state as AssignmentState, quantity: Number(r.quantity), note: (r.note as string | null) ?? null });
  return out;
}

/** Which assignments a list reads. */
export interface AssignmentFilter {
  exercise?: boolean;
  states?: AssignmentState[];
  target?: { kind: DispatchTargetKind; id: string };
  resourceId?: string;
  /** Resource districts (null: the whole city). */
  districts: string[] | null;
  /** Active at some moment of, or changed within, [from, to]. */
  window?: { from: string; to: string };
  limit: number;
}

/** Assignments matching `f`, most recently changed first. */
export async function list(q: Queryable, f: AssignmentFilter): Promise<AssignmentRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  if (f.exercise !== undefined) where.push(`exercise = ${p(f.exercise)}`);
  if (f.states?.length) where.push(`state = any(${p(f.states)}::text[])`);
  if (f.target) where.push(`target_kind = ${p(f.target.kind)} and target_id = ${p(f.target.id)}`);
  if (f.resourceId) where.push(`resource_id = ${p(f.resourceId)}`);
  if (f.districts) where.push(`district = any(${p(f.districts)}::text[])`);
  if (f.window) {
    const from = p(f.window.from);
    const to = p(f.window.to);
    // Changed in the window, or created before its end and still active (or finished only after its start).
    where.push(
      `(exists (select 1 from dispatch_history h where h.assignment_id = dispatch_assignments.id and h.at between ${from} and ${to})
        or (created_at <= ${to} and (state not in ('done', 'cancelled') or updated_at >= ${from})))`,
    );
  }
  const { rows } = await q.query(`select ${COLUMNS} from dispatch_assignments ${where.length ? `where ${where.join(' and ')}` : ''} order by updated_at desc, id limit ${p(f.limit)}`, params);
  return rows.map(fromRow);
}
