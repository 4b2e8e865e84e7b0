import type { Queryable } from '../store/db.js';
import type { StoredRow } from './audit-chain.js';

/** One audit row as the API returns it (CONTRACT.md → Audit). */
export interface AuditItem {
  seq: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** What `GET /api/v1/audit` filters by; `action` ending in `*` matches a prefix (`case.*`). */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  target?: string;
  /** Rows with a smaller seq than this (the previous page's last). */
  beforeSeq?: number;
  limit: number;
}

/** One page, newest first; `nextCursor` is the seq to continue below, or null at the end. */
export async function listAudit(q: Queryable, f: AuditFilter): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.from) add('at >= ?', f.from);
  if (f.to) add('at < ?', f.to);
  if (f.actor) add('actor = ?', f.actor);
  if (f.action?.endsWith('*')) add('starts_with(action, ?)', f.action.slice(0, -1));
  else if (f.action) add('action = ?', f.action);
  if (f.target) add('target = ?', f.target);
  if (f.beforeSeq !== undefined) add('seq < ?', f.beforeSeq);
  params.push(f.limit + 1);
  const { rows } = await q.query<StoredRow>(
    `select seq, at, actor, role, action, target, ip, detail from audit_log ${where.length ? `where ${where.join(' and ')}` : ''} order by seq desc limit $${params.length}`,
    params,
  );
  const items = rows.slice(0, f.limit).map(toItem);
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1]!.seq) : null };
}

function toItem(r: StoredRow): AuditItem {
  return { seq: Number(r.seq), at: new Date(r.at).toISOString(), actor: r.actor, role: r.role, action: r.action, target: r.target, ip: r.ip, detail: r.detail };
}
