import type { Queryable } from '../../store/db.js';
import { iso, isoOrNull } from '../../store/sql-helpers.js';
import type { WebhookDelivery } from '../../../../shared/schemas/warning.js';

/**
 * Queues a published message for every enabled receiver that wants it (its categories and
 * levels, exercises only for those asking for them). Runs in the publication's transaction.
 * Returns how many deliveries were queued.
 */
export async function enqueueDeliveries(q: Queryable, m: { id: string; category: string; level: string; exercise: boolean }): Promise<number> {
  const { rows } = await q.query(
    `insert into webhook_outbox (id, receiver_id, message_id, next_attempt_at, created_at)
     select gen_random_uuid()::text, r.id, $1, now(), now() from webhook_receivers r
     where r.enabled and (cardinality(r.categories) = 0 or $2 = any(r.categories))
       and (cardinality(r.levels) = 0 or $3 = any(r.levels)) and (not $4 or r.exercises)
     returning id`,
    [m.id, m.category, m.level, m.exercise],
  );
  return rows.length;
}

/** A claimed delivery with what posting it needs. */
export interface ClaimedDelivery {
  id: string;
  receiverId: string;
  attempts: number;
  url: string;
  secret: string;
  xml: string;
  /** `sender,identifier,sent` of the message. */
  messageRef: string;
}

/**
 * Claims due deliveries: at most `perReceiver` of each enabled receiver not in `busy`.
 * The rows are locked (`for update skip locked`) while `claimed_until` is set to now + lease,
 * so two nodes never claim the same row; a node that dies leaves the lease to expire and the
 * row to be claimed again.
 */
export async function claimDue(q: Queryable, opts: { perReceiver: number; busy: string[]; leaseMs: number; limit: number }): Promise<ClaimedDelivery[]> {
  const { rows: claimed } = await q.query<{ id: string }>(
    `with due as (
       select o.id, row_number() over (partition by o.receiver_id order by o.next_attempt_at, o.id) as rn
       from webhook_outbox o join webhook_receivers r on r.id = o.receiver_id
       where o.state = 'pending' and o.next_attempt_at <= now() and (o.claimed_until is null or o.claimed_until < now())
         and r.enabled and not (o.receiver_id = any($2::text[]))
     ), picked as (
       select o.id from webhook_outbox o
       where o.id in (select id from due where rn <= $1 order by id limit $4)
         and o.state = 'pending' and (o.claimed_until is null or o.claimed_until < now())
       for update of o skip locked
     )
     update webhook_outbox o set claimed_until = now() + make_interval(secs => $3::double precision / 1000)
     from picked where o.id = picked.id returning o.id`,
    [opts.perReceiver, opts.busy, opts.leaseMs, opts.limit],
  );
  if (!claimed.length) return [];
  const { rows } = await q.query<{ id: string; receiver_id: string; attempts: number; url: string; secret: string; xml: string; sender: string; message_id: string; sent: Date }>(
    `select o.id, o.receiver_id, o.attempts, r.url, r.secret, m.xml, m.sender, o.message_id, m.sent
     from webhook_outbox o join webhook_receivers r on r.id = o.receiver_id join warning_messages m on m.id = o.message_id
     where o.id = any($1::text[])`,
    [claimed.map((c) => c.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    receiverId: r.receiver_id,
    attempts: r.attempts,
    url: r.url,
    secret: r.secret,
    xml: r.xml,
    messageRef: `${r.sender},${r.message_id},${iso(r.sent)}`,
  }));
}

/** Records a 2xx: delivered, never posted again. */
export async function markDelivered(q: Queryable, id: string, status: number): Promise<void> {
  await q.query(
    "update webhook_outbox set state = 'delivered', attempts = attempts + 1, delivered_at = now(), last_status = $2, last_error = null, claimed_until = null where id = $1 and state = 'pending'",
    [id, status],
  );
}

/** Records a failed attempt and when to try again. */
export async function markFailed(q: Queryable, id: string, f: { status: number | null; error: string; retryInMs: number }): Promise<void> {
  await q.query(
    `update webhook_outbox set attempts = attempts + 1, last_status = $2, last_error = $3, claimed_until = null,
       next_attempt_at = now() + make_interval(secs => $4::double precision / 1000) where id = $1 and state = 'pending'`,
    [id, f.status, f.error.slice(0, 500), f.retryInMs],
  );
}

/** A pending delivery becomes due now (the admin's manual retry); false when it is not pending. */
export async function retryNow(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query("update webhook_outbox set next_attempt_at = now() where id = $1 and state = 'pending' returning id", [id]);
  return rows.length > 0;
}

/** Releases every claim: only where one node can hold them (PGlite), at start, after a crash. */
export async function releaseClaims(q: Queryable): Promise<void> {
  await q.query("update webhook_outbox set claimed_until = null where state = 'pending' and claimed_until is not null");
}

/** Deliveries for the admin, newest first; `state` and `receiverId` narrow. */
export async function listDeliveries(q: Queryable, f: { receiverId?: string; state?: 'pending' | 'delivered'; limit: number }): Promise<WebhookDelivery[]> {
  const { rows } = await q.query<{
    id: string;
    receiver_id: string;
    message_id: string;
    content: { headline: string };
    msg_type: string;
    exercise: boolean;
    state: 'pending' | 'delivered';
    attempts: number;
    next_attempt_at: Date;
    last_status: number | null;
    last_error: string | null;
    delivered_at: Date | null;
    created_at: Date;
  }>(
    `select o.*, m.content, m.msg_type, m.exercise from webhook_outbox o join warning_messages m on m.id = o.message_id
     where ($1::text is null or o.receiver_id = $1) and ($2::text is null or o.state = $2)
     order by o.created_at desc, o.id limit $3`,
    [f.receiverId ?? null, f.state ?? null, f.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    receiverId: r.receiver_id,
    messageId: r.message_id,
    headline: r.content.headline,
    msgType: r.msg_type,
    exercise: r.exercise,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: iso(r.next_attempt_at),
    lastStatus: r.last_status,
    lastError: r.last_error,
    deliveredAt: isoOrNull(r.delivered_at),
    createdAt: iso(r.created_at),
  }));
}
