import type { Queryable } from '../../store/db.js';
import { iso } from '../../store/sql-helpers.js';
import type { WebhookReceiver } from '../../../../shared/schemas/warning.js';

export interface ReceiverFields {
  name: string;
  url: string;
  categories: string[];
  levels: string[];
  exercises: boolean;
  enabled: boolean;
}

interface Row {
  id: string;
  name: string;
  url: string;
  categories: string[];
  levels: string[];
  exercises: boolean;
  enabled: boolean;
  created_by: string;
  created_at: Date;
  pending: string | number;
  delivered: string | number;
}

const LIST = `select r.id, r.name, r.url, r.categories, r.levels, r.exercises, r.enabled, r.created_by, r.created_at,
  count(o.id) filter (where o.state = 'pending') as pending, count(o.id) filter (where o.state = 'delivered') as delivered
  from webhook_receivers r left join webhook_outbox o on o.receiver_id = r.id`;

const fromRow = (r: Row): WebhookReceiver => ({
  id: r.id,
  name: r.name,
  url: r.url,
  categories: r.categories,
  levels: r.levels,
  exercises: r.exercises,
  enabled: r.enabled,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  pending: Number(r.pending),
  delivered: Number(r.delivered),
});

export async function listReceivers(q: Queryable): Promise<WebhookReceiver[]> {
  const { rows } = await q.query<Row>(`${LIST} group by r.id order by r.created_at, r.id`);
  return rows.map(fromRow);
}

export async function getReceiver(q: Queryable, id: string): Promise<WebhookReceiver | null> {
  const { rows } = await q.query<Row>(`${LIST} where r.id = $1 group by r.id`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

export async function insertReceiver(q: Queryable, r: ReceiverFields & { id: string; secret: string; createdBy: string; createdAt: string }): Promise<void> {
  await q.query('insert into webhook_receivers (id, name, url, categories, levels, exercises, secret, enabled, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
    r.id,
    r.name,
    r.url,
    r.categories,
    r.levels,
    r.exercises,
    r.secret,
    r.enabled,
    r.createdBy,
    r.createdAt,
  ]);
}

export async function updateReceiver(q: Queryable, id: string, r: ReceiverFields): Promise<void> {
  await q.query('update webhook_receivers set name = $2, url = $3, categories = $4, levels = $5, exercises = $6, enabled = $7 where id = $1', [
    id,
    r.name,
    r.url,
    r.categories,
    r.levels,
    r.exercises,
    r.enabled,
  ]);
}

export async function deleteReceiver(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query('delete from webhook_receivers where id = $1 returning id', [id]);
  return rows.length > 0;
}
