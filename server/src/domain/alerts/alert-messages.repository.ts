import type { Queryable } from '../../store/db.js';
import { iso } from '../../store/sql-helpers.js';
import type { MessageRef } from '../../../../shared/cap/message-ref.js';

/** A CAP message's identity (CAP 1.2): all three together, `sent` as an ISO instant. */
export interface MessageKey {
  sender: string;
  identifier: string;
  sent: string;
}

/**
 * Whether this exact message was stored before: `{alertId}` (null for a Test/Draft/System
 * message, stored but raising no alert), or undefined when it is new.
 */
export async function messageSeen(q: Queryable, key: MessageKey): Promise<{ alertId: string | null } | undefined> {
  const { rows } = await q.query('select alert_id from alert_messages where sender = $1 and source_id = $2 and sent = $3::timestamptz', [key.sender, key.identifier, key.sent]);
  return rows[0] ? { alertId: (rows[0].alert_id as string | null) ?? null } : undefined;
}

/** Whether `err` is the message key refusing a message another transaction just stored. */
export function isDuplicateMessage(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && e.constraint === 'alert_messages_pkey';
}

/** Stores one message as received, against the alert it raised or touched (null: none). */
export async function recordMessage(q: Queryable, key: MessageKey, alertId: string | null, msgType: string, payload: unknown): Promise<void> {
  await q.query('insert into alert_messages (sender, source_id, sent, alert_id, msg_type, payload) values ($1, $2, $3, $4, $5, $6::jsonb)', [
    key.sender,
    key.identifier,
    key.sent,
    alertId,
    msgType,
    JSON.stringify(payload),
  ]);
}

/**
 * Ids of the alerts the references name, each reference matched on sender, identifier and
 * sent (a bare identifier: the referring sender's messages of that identifier). Messages
 * that raised no alert name none.
 */
export async function referencedAlertIds(q: Queryable, refs: MessageRef[], referrer: string): Promise<string[]> {
  if (refs.length === 0) return [];
  const { rows } = await q.query(
    `select distinct m.alert_id from alert_messages m
       join jsonb_to_recordset($1::jsonb) as r(sender text, identifier text, sent timestamptz)
         on m.sender = r.sender and m.source_id = r.identifier and (r.sent is null or m.sent = r.sent)
     where m.alert_id is not null order by m.alert_id`,
    [JSON.stringify(refs.map((r) => ({ sender: r.sender ?? referrer, identifier: r.identifier, sent: r.sent })))],
  );
  return rows.map((r) => String(r.alert_id));
}

/** The message of an alert now in force (its latest Alert or Update), `sent` as sent: what an acknowledgement acknowledges. */
export async function messageInForce(q: Queryable, alertId: string): Promise<MessageKey | null> {
  const { rows } = await q.query(
    `select sender, source_id, sent, payload->>'sent' as sent_as_sent from alert_messages
     where alert_id = $1 and msg_type in ('Alert', 'Update') order by received_at desc, sent desc limit 1`,
    [alertId],
  );
  const r = rows[0];
  return r ? { sender: String(r.sender), identifier: String(r.source_id), sent: (r.sent_as_sent as string | null) ?? iso(r.sent) } : null;
}
