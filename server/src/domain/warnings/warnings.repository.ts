import type { Queryable } from '../../store/db.js';
import { iso, isoOrNull } from '../../store/sql-helpers.js';
import type { WarningContent, WarningMessage, WarningState } from '../../../../shared/schemas/warning.js';

/** A stored outbound message with what the API leaves out (its XML). */
export interface WarningRecord extends Omit<WarningMessage, 'current'> {
  xml: string | null;
}

interface Row {
  id: string;
  series_id: string;
  msg_type: WarningMessage['msgType'];
  exercise: boolean;
  state: WarningState;
  content: WarningMessage['content'];
  drafted_by: string;
  drafted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reject_reason: string | null;
  sender: string | null;
  sent: Date | null;
  xml: string | null;
  alert_id: string | null;
}

const fromRow = (r: Row): WarningRecord => ({
  id: r.id,
  seriesId: r.series_id,
  msgType: r.msg_type,
  exercise: r.exercise,
  state: r.state,
  content: r.content,
  draftedBy: r.drafted_by,
  draftedAt: iso(r.drafted_at),
  decidedBy: r.decided_by,
  decidedAt: isoOrNull(r.decided_at),
  rejectReason: r.reject_reason,
  sender: r.sender,
  sent: isoOrNull(r.sent),
  alertId: r.alert_id,
  xml: r.xml,
});

export async function insertDraft(
  q: Queryable,
  d: { id: string; seriesId: string; msgType: WarningMessage['msgType']; exercise: boolean; content: WarningContent & { reason?: string }; draftedBy: string; draftedAt: string },
): Promise<void> {
  await q.query('insert into warning_messages (id, series_id, msg_type, exercise, state, content, drafted_by, drafted_at) values ($1, $2, $3, $4, $5, $6, $7, $8)', [
    d.id,
    d.seriesId,
    d.msgType,
    d.exercise,
    'pending',
    JSON.stringify(d.content),
    d.draftedBy,
    d.draftedAt,
  ]);
}

export async function getMessage(q: Queryable, id: string, forUpdate = false): Promise<WarningRecord | null> {
  const { rows } = await q.query<Row>(`select * from warning_messages where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The published messages of a series, oldest first (by approval: two may share a `sent`, which has whole seconds). */
export async function publishedInSeries(q: Queryable, seriesId: string): Promise<WarningRecord[]> {
  const { rows } = await q.query<Row>("select * from warning_messages where series_id = $1 and state = 'published' order by decided_at, id", [seriesId]);
  return rows.map(fromRow);
}

/** Whether a draft of the series still waits for approval. */
export async function pendingInSeries(q: Queryable, seriesId: string): Promise<boolean> {
  const { rows } = await q.query("select 1 from warning_messages where series_id = $1 and state = 'pending' limit 1", [seriesId]);
  return rows.length > 0;
}

export async function markPublished(q: Queryable, id: string, p: { decidedBy: string; at: string; sender: string; sent: string; xml: string; alertId: string | null }): Promise<void> {
  await q.query("update warning_messages set state = 'published', decided_by = $2, decided_at = $3, sender = $4, sent = $5, xml = $6, alert_id = $7 where id = $1", [
    id,
    p.decidedBy,
    p.at,
    p.sender,
    p.sent,
    p.xml,
    p.alertId,
  ]);
}

export async function markRejected(q: Queryable, id: string, p: { decidedBy: string; at: string; reason: string }): Promise<void> {
  await q.query("update warning_messages set state = 'rejected', decided_by = $2, decided_at = $3, reject_reason = $4 where id = $1", [id, p.decidedBy, p.at, p.reason]);
}

/**
 * Messages newest first (drafted), with `current`: the newest published message of its
 * series, not a Cancel (what Update and Cancel act on).
 */
export async function listMessages(q: Queryable, f: { states?: WarningState[]; exercise?: boolean; limit: number }): Promise<WarningMessage[]> {
  const { rows } = await q.query<Row & { current: boolean }>(
    `select m.*, (m.state = 'published' and m.msg_type <> 'Cancel' and not exists (
       select 1 from warning_messages n where n.series_id = m.series_id and n.state = 'published' and n.decided_at > m.decided_at)) as current
     from warning_messages m
     where ($1::text[] is null or m.state = any($1)) and ($2::boolean is null or m.exercise = $2)
     order by m.drafted_at desc, m.id limit $3`,
    [f.states ?? null, f.exercise ?? null, f.limit],
  );
  return rows.map((r) => {
    const { xml: _xml, ...m } = fromRow(r);
    return { ...m, current: r.current };
  });
}

/** Published messages for the CAP feed, newest first. */
export async function feedMessages(q: Queryable, exercise: boolean, limit: number): Promise<WarningRecord[]> {
  const { rows } = await q.query<Row>("select * from warning_messages where state = 'published' and exercise = $1 order by sent desc, decided_at desc, id limit $2", [exercise, limit]);
  return rows.map(fromRow);
}
