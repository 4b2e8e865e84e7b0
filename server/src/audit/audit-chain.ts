import { createHash } from 'node:crypto';
import type { Queryable } from '../store/db.js';

/** `prev_hash` of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** A stored audit row as the chain covers it (everything but its own hash). */
export interface ChainedRow {
  seq: number;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every depth: the same value always gives the same text,
 * whatever order its keys were built or stored in (jsonb reorders them).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 (hex) over the previous row's hash and this row's canonical form. */
export function rowHash(row: ChainedRow): string {
  const body = canonicalJson([row.seq, row.at, row.actor, row.role, row.action, row.target, row.ip, row.detail]);
  return createHash('sha256').update(row.prevHash).update('\n').update(body).digest('hex');
}

interface StoredRow {
  seq: string | number;
  at: Date | string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** The outcome of {@link verifyAuditChain}: the first bad row, if any. */
export type ChainCheck = { ok: true; rows: number; lastSeq: number } | { ok: false; seq: number; reason: string; rows: number };

/**
 * Walks the whole chain in `seq` order and reports the first row that is missing (a gap in
 * `seq`), does not link to its predecessor's hash, or whose content no longer matches its
 * hash. A removed last row leaves no trace in the chain itself (see ARCHITECTURE.md).
 */
export async function verifyAuditChain(q: Queryable, opts: { pageSize?: number } = {}): Promise<ChainCheck> {
  const pageSize = opts.pageSize ?? 2000;
  let expectSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await q.query<StoredRow>('select seq, at, actor, role, action, target, ip, detail, prev_hash, hash from audit_log where seq >= $1 order by seq limit $2', [expectSeq, pageSize]);
    for (const r of page.rows) {
      const seq = Number(r.seq);
      if (seq !== expectSeq) return { ok: false, seq: expectSeq, reason: `row ${expectSeq} is missing (next stored row is ${seq})`, rows };
      if (r.prev_hash !== prevHash) return { ok: false, seq, reason: 'does not link to the previous row (prev_hash differs)', rows };
      const row = fromStored(r);
      if (rowHash(row) !== r.hash) return { ok: false, seq, reason: 'content does not match its hash (edited)', rows };
      prevHash = r.hash;
      expectSeq = seq + 1;
      rows++;
    }
    if (page.rows.length < pageSize) return { ok: true, rows, lastSeq: expectSeq - 1 };
  }
}

/** A stored row as the chain sees it. */
export function fromStored(r: StoredRow): ChainedRow {
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    role: r.role,
    action: r.action,
    target: r.target,
    ip: r.ip,
    detail: r.detail,
    prevHash: r.prev_hash,
  };
}
export type { StoredRow };
