import type { Queryable } from '../../store/db.js';
import { iso, isoOrNull } from '../../store/sql-helpers.js';
import type { Alert, AlertState } from '../../../../shared/schemas/alert.js';

const COLUMNS = `id, source_id, sender, sent, category, event, level, severity, urgency, certainty, headline,
  description, instruction, effective, expires, areas, districts, state, exercise, escalation,
  acknowledged_by, acknowledged_at, ack_comment, created_at, updated_at`;

/** A stored alert plus when it was (last) raised: the escalation clock, reset when its level rises. */
export interface AlertRecord extends Alert {
  createdAt: string;
}

function fromRow(r: Record<string, unknown>): AlertRecord {
  return {
    id: String(r.id), sourceId: String(r.source_id), sender: String(r.sender), sent: iso(r.sent),
    category: r.category as Alert['category'], event: String(r.event), level: r.level as Alert['level'],
    severity: r.severity as Alert['severity'], urgency: r.urgency as Alert['urgency'],
    certainty: r.certainty as Alert['certainty'], headline: (r.headline as string | null) ?? null,
    description: (r.description as string | null) ?? null, instruction: (r.instruction as string | null) ?? null,
    effective: isoOrNull(r.effective), expires: isoOrNull(r.expires), areas: r.areas as Alert['areas'],
    districts: (r.districts as string[]) ?? [], state: r.state as AlertState, exercise: Boolean(r.exercise),
    escalation: Number(r.escalation), acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
    acknowledgedAt: isoOrNull(r.acknowledged_at), ackComment: (r.ack_comment as string | null) ?? null,
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

/** The public shape (without the internal clock). */
export function toAlert(a: AlertRecord): Alert {
  const { createdAt: _createdAt, ...alert } = a;
  return alert;
}

export async function insertAlert(q: Queryable, a: AlertRecord): Promise<void> {
  await q.query(
    `insert into alerts (${COLUMNS}) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16::jsonb,$17::text[],$18,$19,$20,$21,$22,$23,$24,$25)`,
    [a.id, a.sourceId, a.sender, a.sent, a.category, a.event, a.level, a.severity, a.urgency, a.certainty, a.headline,
      a.description, a.instruction, a.effective, a.expires, JSON.stringify(a.areas), a.districts, a.state, a.exercise,
      a.escalation, a.acknowledgedBy, a.acknowledgedAt, a.ackComment, a.createdAt, a.updatedAt],
  );
}

export async function updateAlert(q: Queryable, a: AlertRecord): Promise<void> {
  await q.query(
    `update alerts set category=$2, event=$3, level=$4, severity=$5, urgency=$6, certainty=$7, headline=$8,
       description=$9, instruction=$10, effective=$11, expires=$12, areas=$13::jsonb, districts=$14::text[], state=$15,
       escalation=$16, acknowledged_by=$17, acknowledged_at=$18, ack_comment=$19, updated_at=$20, created_at=$21 where id=$1`,
    [a.id, a.category, a.event, a.level, a.severity, a.urgency, a.certainty, a.headline, a.description, a.instruction,
      a.effective, a.expires, JSON.stringify(a.areas), a.districts, a.state, a.escalation, a.acknowledgedBy,
      a.acknowledgedAt, a.ackComment, a.updatedAt, a.createdAt],
  );
}

export async function getAlert(q: Queryable, id: string, forUpdate = false): Promise<AlertRecord | null> {
  const { rows } = await q.query(`select ${COLUMNS} from alerts where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The alert a CAP message identifier belongs to (its own Alert, or an Update of it). */
export async function findByMessageIds(q: Queryable, identifiers: string[]): Promise<AlertRecord[]> {
  if (identifiers.length === 0) return [];
  const { rows } = await q.query(
    `select ${COLUMNS.split(',').map((c) => `a.${c.trim()}`).join(', ')} from alerts a
     where a.id in (select alert_id from alert_messages where source_id = any($1::text[])) for update`,
    [identifiers],
  );
  return rows.map(fromRow);
}

export async function messageSeen(q: Queryable, identifier: string): Promise<string | null> {
  const { rows } = await q.query('select alert_id from alert_messages where source_id = $1', [identifier]);
  return rows[0] ? String(rows[0].alert_id) : null;
}

export async function recordMessage(q: Queryable, identifier: string, alertId: string, msgType: string, payload: unknown): Promise<void> {
  await q.query('insert into alert_messages (source_id, alert_id, msg_type, payload) values ($1, $2, $3, $4::jsonb)', [
    identifier, alertId, msgType, JSON.stringify(payload),
  ]);
}

export interface AlertFilter {
  states?: AlertState[];
  districts?: string[] | null;
  exercise?: boolean;
  since?: string;
  until?: string;
  limit?: number;
}

export async function listAlerts(q: Queryable, f: AlertFilter): Promise<AlertRecord[]> {
  const params: unknown[] = [f.exercise ?? false];
  const where = ['exercise = $1'];
  if (f.states?.length) where.push(`state = any($${params.push(f.states)}::text[])`);
  if (f.districts) where.push(`districts && $${params.push(f.districts)}::text[]`);
  if (f.since) where.push(`updated_at >= $${params.push(f.since)}`);
  if (f.until) where.push(`created_at < $${params.push(f.until)}`);
  const limit = Math.min(Math.max(f.limit ?? 200, 1), 1000);
  const { rows } = await q.query(
    `select ${COLUMNS} from alerts where ${where.join(' and ')} order by updated_at desc limit $${params.push(limit)}`,
    params,
  );
  return rows.map(fromRow);
}

/** Alerts still running (active or acknowledged) — the escalation and expiry job's input. */
export async function listLive(q: Queryable): Promise<AlertRecord[]> {
  const { rows } = await q.query(`select ${COLUMNS} from alerts where state in ('active', 'acknowledged') for update`);
  return rows.map(fromRow);
}
