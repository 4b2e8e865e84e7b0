import type { Queryable } from '../../store/db.js';
import { iso } from '../../store/sql-helpers.js';
import type { AlertChange, AlertHistoryEntry } from '../../../../shared/schemas/alert.js';

/** Appends one entry to an alert's history, inside the transaction of the change it records. */
export async function appendHistory(q: Queryable, alertId: string, e: AlertHistoryEntry): Promise<void> {
  await q.query('insert into alert_history (alert_id, at, kind, actor, step, changes, comment, message) values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb)', [
    alertId,
    e.at,
    e.kind,
    e.actor,
    e.step ?? null,
    e.changes ? JSON.stringify(e.changes) : null,
    e.comment ?? null,
    e.message ? JSON.stringify(e.message) : null,
  ]);
}

/** An alert's history, oldest first. */
export async function listHistory(q: Queryable, alertId: string): Promise<AlertHistoryEntry[]> {
  const { rows } = await q.query('select at, kind, actor, step, changes, comment, message from alert_history where alert_id = $1 order by at, id', [alertId]);
  return rows.map((r) => ({
    at: iso(r.at),
    kind: r.kind as AlertHistoryEntry['kind'],
    actor: (r.actor as string | null) ?? null,
    ...(r.step === null ? {} : { step: Number(r.step) }),
    ...(r.changes === null ? {} : { changes: r.changes as AlertChange[] }),
    ...(r.comment === null ? {} : { comment: String(r.comment) }),
    ...(r.message === null ? {} : { message: r.message as NonNullable<AlertHistoryEntry['message']> }),
  }));
}

/** The message the latest acknowledgement of an alert acknowledged. */
export async function acknowledgedMessage(q: Queryable, alertId: string): Promise<AlertHistoryEntry['message'] | null> {
  const { rows } = await q.query(`select message from alert_history where alert_id = $1 and kind = 'acknowledged' order by at desc, id desc limit 1`, [alertId]);
  return (rows[0]?.message as AlertHistoryEntry['message'] | null | undefined) ?? null;
}
