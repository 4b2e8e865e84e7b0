import type { AuditEntry, AuditLog } from '../domain/ports.js';
import type { Db, Queryable } from '../store/db.js';
import { GENESIS_HASH, rowHash, type ChainedRow } from './audit-chain.js';

/** Advisory lock key of the audit chain's tail (any constant no other lock uses). */
const AUDIT_LOCK = 7334300;

function isDb(q: Queryable): q is Db {
  return typeof (q as Partial<Db>).transaction === 'function';
}

/**
 * The append-only, hash-chained audit log (CONTRACT.md → Audit).
 *
 * Appends are serialised by a transaction-scoped advisory lock taken before the tail is
 * read: on PostgreSQL a concurrent transaction waits until the holder commits, then reads
 * the holder's row as the tail (read committed), so the chain stays one line; PGlite has
 * one connection and takes the same lock. The lock is held until the caller's transaction
 * ends, so callers append last, just before they commit. Called with the database itself
 * (no transaction), the append runs in one of its own.
 */
export function createAuditLog(opts: { now?: () => Date } = {}): AuditLog {
  const now = opts.now ?? (() => new Date());
  const append = async (q: Queryable, entry: AuditEntry): Promise<void> => {
    if (isDb(q)) return q.transaction((tx) => append(tx, entry));
    await q.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const { rows } = await q.query<{ seq: string | number; hash: string }>('select seq, hash from audit_log order by seq desc limit 1');
    const tail = rows[0];
    const row: ChainedRow = {
      seq: tail ? Number(tail.seq) + 1 : 1,
      at: now().toISOString(),
      actor: entry.actor,
      role: entry.role,
      action: entry.action,
      target: entry.target,
      ip: entry.ip,
      // As jsonb will give it back: no undefined members, dates as strings.
      detail: JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>,
      prevHash: tail?.hash ?? GENESIS_HASH,
    };
    await q.query('insert into audit_log (seq, at, actor, role, action, target, ip, detail, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
      row.seq,
      row.at,
      row.actor,
      row.role,
      row.action,
      row.target,
      row.ip,
      JSON.stringify(row.detail),
      row.prevHash,
      rowHash(row),
    ]);
  };
  return { append };
}

/** Appends one entry in a transaction of its own: for events that change nothing else (a sign-in) or whose change is already committed. */
export type AuditRecorder = (entry: AuditEntry) => Promise<void>;

/** An {@link AuditRecorder} over `db`. */
export function auditRecorder(audit: AuditLog, db: Db): AuditRecorder {
  return (entry) => audit.append(db, entry);
}
