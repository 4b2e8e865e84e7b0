import type { Request, RequestHandler, Response } from 'express';
import { hashIngestKey } from '../auth/secrets.js';
import { createIngestKeysRepository } from '../auth/ingest-keys.repository.js';
import type { AuditLog } from '../domain/ports.js';
import type { Db } from '../store/db.js';

/** Addresses kept per key and minute (a fleet of sensors behind one key stays one row). */
const MAX_IPS = 20;

interface Bucket {
  keyHash: string;
  minute: number;
  requests: number;
  failed: number;
  items: number;
  first: number;
  last: number;
  interfaces: Record<string, number>;
  ips: Set<string>;
}

/**
 * Where a route marks an ingest key it accepted (`res.locals[INGEST_KEY_LOCAL] = key`) and how
 * many items the request stored (`res.locals[INGEST_ITEMS_LOCAL]`).
 */
export const INGEST_KEY_LOCAL = 'ingestKey';
export const INGEST_ITEMS_LOCAL = 'ingestItems';

export interface IngestUse {
  /** Counts, when the response is sent, every request whose ingest key was accepted. */
  middleware: RequestHandler;
  /** Writes one audit row per key and finished minute (every minute with `all`, at shutdown). */
  flush(all?: boolean): Promise<void>;
  /** The last request any key made successfully on this node. */
  lastIngestAt(): string | null;
  /** Stops the timer and writes everything counted. */
  stop(): Promise<void>;
}

/**
 * Every ingest key's use, summarised (docs/ARCHITECTURE.md → The audit chain): a row per
 * request would put an audit append (and its lock) into every ingest transaction and cap
 * ingest at the chain's speed, so requests are counted in memory per key and minute and
 * written as one `ingest.use` row per key per minute (requests, failed, items, first/last,
 * interfaces, addresses) by a timer and at shutdown; the same flush moves the key's
 * `last_used_at`. Counts of a minute not yet written are lost only if the process dies
 * without shutting down.
 */
export function createIngestUse(deps: { db: Db; audit: AuditLog; log: { error: (o: unknown, m: string) => void }; intervalMs?: number; now?: () => number }): IngestUse {
  const now = deps.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  let lastOk: number | null = null;
  let flushing: Promise<void> = Promise.resolve();

  const note = (req: Request, res: Response) => {
    const key: unknown = res.locals[INGEST_KEY_LOCAL];
    if (typeof key !== 'string') return;
    const at = now();
    const keyHash = hashIngestKey(key);
    const minute = Math.floor(at / 60_000) * 60_000;
    const id = `${keyHash}|${minute}`;
    let b = buckets.get(id);
    if (!b) buckets.set(id, (b = { keyHash, minute, requests: 0, failed: 0, items: 0, first: at, last: at, interfaces: {}, ips: new Set() }));
    const ok = res.statusCode < 400;
    b.requests++;
    if (!ok) b.failed++;
    else lastOk = at;
    const items = Number(res.locals[INGEST_ITEMS_LOCAL]);
    if (ok && Number.isFinite(items)) b.items += items;
    b.last = at;
    const route = (req.route as { path?: unknown } | undefined)?.path;
    const iface = `${req.method} ${req.baseUrl}${typeof route === 'string' ? route : req.path}`;
    b.interfaces[iface] = (b.interfaces[iface] ?? 0) + 1;
    if (req.ip && b.ips.size < MAX_IPS) b.ips.add(req.ip);
  };

  const write = async (all: boolean) => {
    const current = Math.floor(now() / 60_000) * 60_000;
    const due = [...buckets.entries()].filter(([, b]) => all || b.minute < current);
    if (!due.length) return;
    await deps.db.transaction(async (tx) => {
      const keys = createIngestKeysRepository(tx);
      const known = await keys.findByHashes([...new Set(due.map(([, b]) => b.keyHash))]);
      for (const [, b] of due) {
        const key = known.get(b.keyHash);
        const iso = (t: number) => new Date(t).toISOString();
        await deps.audit.append(tx, {
          actor: key ? key.name : 'unknown key',
          role: 'ingest',
          action: 'ingest.use',
          target: key?.id ?? null,
          ip: [...b.ips][0] ?? null,
          detail: { minute: iso(b.minute), requests: b.requests, failed: b.failed, items: b.items, first: iso(b.first), last: iso(b.last), interfaces: b.interfaces, ips: [...b.ips] },
        });
        if (key) await keys.touch(key.id, iso(b.last));
      }
    });
    // A finished minute takes no more requests, so what was written is exactly what is removed.
    for (const [id] of due) buckets.delete(id);
  };

  // One write at a time; a failed one leaves its buckets for the next.
  const flush = (all = false) => {
    const run = flushing.then(() => write(all));
    flushing = run.catch(() => undefined);
    return run;
  };
  const timer = setInterval(() => void flush().catch((err: unknown) => deps.log.error({ err }, 'ingest-use summary not written; kept for the next try')), deps.intervalMs ?? 15_000);
  timer.unref();

  return {
    middleware: (req, res, next) => {
      res.once('finish', () => note(req, res));
      next();
    },
    flush,
    lastIngestAt: () => (lastOk === null ? null : new Date(lastOk).toISOString()),
    async stop() {
      clearInterval(timer);
      await flush(true);
    },
  };
}
