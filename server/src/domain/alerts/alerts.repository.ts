import type { Queryable } from '../../store/db.js';
import { decodeCursor, encodeCursor, iso, isoOrNull } from '../../store/sql-helpers.js';
import { AppError } from '../../errors.js';
import type { Alert, AlertState } from '../../../../shared/schemas/alert.js';

const COLUMNS = `id, source_id, sender, sender_name, kind, sent, category, event, level, severity, urgency, certainty, headline,
  description, instruction, effective, expires, areas, display_areas, districts, state, exercise, escalation,
  acknowledged_by, acknowledged_at, ack_comment, created_at, updated_at`;

/** A stored alert (with its original geometry in `areas`) plus the simplified geometry screens get. */
export interface AlertRecord extends Omit<Alert, 'simplified'> {
  /** Null when `areas` is small enough to show as it is. */
  displayAreas: Alert['areas'] | null;
}

function fromRow(r: Record<string, unknown>): AlertRecord {
  return {
    id: String(r.id),
    sourceId: String(r.source_id),
    sender: String(r.sender),
    senderName: (r.sender_name as string | null) ?? null,
    kind: r.kind as Alert['kind'],
    sent: iso(r.sent),
    category: r.category as Alert['category'],
    event: String(r.event),
    level: r.level as Alert['level'],
    severity: r.severity as Alert['severity'],
    urgency: r.urgency as Alert['urgency'],
    certainty: r.certainty as Alert['certainty'],
    headline: (r.headline as string | null) ?? null,
    description: (r.description as string | null) ?? null,
    instruction: (r.instruction as string | null) ?? null,
    effective: isoOrNull(r.effective),
    expires: isoOrNull(r.expires),
    areas: r.areas as Alert['areas'],
    displayAreas: (r.display_areas as Alert['areas'] | null) ?? null,
    districts: (r.districts as string[]) ?? [],
    state: r.state as AlertState,
    exercise: Boolean(r.exercise),
    escalation: Number(r.escalation),
    acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
    acknowledgedAt: isoOrNull(r.acknowledged_at),
    ackComment: (r.ack_comment as string | null) ?? null,
    raisedAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The shape screens, lists and the live topic get: simplified geometry. */
export function toAlert(a: AlertRecord): Alert {
  const { displayAreas, ...alert } = a;
  return { ...alert, areas: displayAreas ?? alert.areas, simplified: displayAreas !== null };
}

/** One alert in full (`GET /api/v1/alerts/:id`): the geometry as the sender sent it. */
export function toAlertInFull(a: AlertRecord): Alert {
  const { displayAreas: _displayAreas, ...alert } = a;
  return { ...alert, simplified: false };
}

const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

export async function insertAlert(q: Queryable, a: AlertRecord): Promise<void> {
  await q.query(`insert into alerts (${COLUMNS}) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18::jsonb,$19::jsonb,$20::text[],$21,$22,$23,$24,$25,$26,$27,$28)`, [
    a.id,
    a.sourceId,
    a.sender,
    a.senderName,
    a.kind,
    a.sent,
    a.category,
    a.event,
    a.level,
    a.severity,
    a.urgency,
    a.certainty,
    a.headline,
    a.description,
    a.instruction,
    a.effective,
    a.expires,
    json(a.areas),
    json(a.displayAreas),
    a.districts,
    a.state,
    a.exercise,
    a.escalation,
    a.acknowledgedBy,
    a.acknowledgedAt,
    a.ackComment,
    a.raisedAt,
    a.updatedAt,
  ]);
}

export async function updateAlert(q: Queryable, a: AlertRecord): Promise<void> {
  await q.query(
    `update alerts set category=$2, event=$3, level=$4, severity=$5, urgency=$6, certainty=$7, headline=$8,
       description=$9, instruction=$10, effective=$11, expires=$12, areas=$13::jsonb, districts=$14::text[], state=$15,
       escalation=$16, acknowledged_by=$17, acknowledged_at=$18, ack_comment=$19, updated_at=$20, created_at=$21,
       sent=$22, sender_name=$23, display_areas=$24::jsonb where id=$1`,
    [
      a.id,
      a.category,
      a.event,
      a.level,
      a.severity,
      a.urgency,
      a.certainty,
      a.headline,
      a.description,
      a.instruction,
      a.effective,
      a.expires,
      json(a.areas),
      a.districts,
      a.state,
      a.escalation,
      a.acknowledgedBy,
      a.acknowledgedAt,
      a.ackComment,
      a.updatedAt,
      a.raisedAt,
      a.sent,
      a.senderName,
      json(a.displayAreas),
    ],
  );
}

export async function getAlert(q: Queryable, id: string, forUpdate = false): Promise<AlertRecord | null> {
  const { rows } = await q.query(`select ${COLUMNS} from alerts where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

export interface AlertFilter {
  states?: AlertState[];
  districts?: string[] | null;
  exercise?: boolean;
  /** Keyset cursor from a previous page's `nextCursor`. */
  cursor?: string;
  /** Page size, 1–1000 (default 200); `null`: every matching alert (the live snapshot). */
  limit?: number | null;
}

/**
 * Alerts most recently updated first, paged on (updated_at, id): `nextCursor` is set whenever
 * more match, so no list stops silently.
 */
export async function listAlerts(q: Queryable, f: AlertFilter): Promise<{ items: AlertRecord[]; nextCursor: string | null }> {
  const params: unknown[] = [f.exercise ?? false];
  const where = ['exercise = $1'];
  if (f.states?.length) where.push(`state = any($${params.push(f.states)}::text[])`);
  if (f.districts) where.push(`districts && $${params.push(f.districts)}::text[]`);
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    if (!c) throw new AppError(400, 'bad_cursor', 'cursor is not valid', [{ path: 'cursor', message: 'not a cursor from this API' }]);
    where.push(`(updated_at, id) < ($${params.push(c.at)}::timestamptz, $${params.push(c.id)})`);
  }
  const limit = f.limit === null ? null : Math.min(Math.max(f.limit ?? 200, 1), 1000);
  const { rows } = await q.query(`select ${COLUMNS} from alerts where ${where.join(' and ')} order by updated_at desc, id desc${limit === null ? '' : ` limit $${params.push(limit + 1)}`}`, params);
  const items = rows.slice(0, limit ?? rows.length).map(fromRow);
  const last = items[items.length - 1];
  return { items, nextCursor: limit !== null && rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null };
}

/** The running (active or acknowledged) alerts of the city's own environment rules for one station's episodes. */
export async function runningNotices(q: Queryable, sourcePrefix: string): Promise<AlertRecord[]> {
  const { rows } = await q.query(
    `select ${COLUMNS} from alerts where kind = 'notice' and state in ('active','acknowledged') and left(source_id, length($1)) = $1
     order by created_at`,
    [sourcePrefix],
  );
  return rows.map(fromRow);
}

/** Alerts still running (active or acknowledged) — the escalation and expiry job's input. */
export async function listLive(q: Queryable): Promise<AlertRecord[]> {
  const { rows } = await q.query(`select ${COLUMNS} from alerts where state in ('active', 'acknowledged') for update`);
  return rows.map(fromRow);
}
