import type { Logger } from 'pino';
import type { Db } from '../../store/db.js';
import { claimDue, markDelivered, markFailed, releaseClaims, type ClaimedDelivery } from './outbox.repository.js';
import { postDelivery, retryDelay, type Backoff } from './webhook-delivery.js';

export interface OutboxOptions {
  /** How long a receiver has to answer one delivery, ms. */
  timeoutMs: number;
  /** Deliveries in flight to one receiver from this node at once. */
  perReceiver: number;
  /** How often the outbox is looked at when nothing kicked it, ms. */
  pollMs: number;
  backoff: Backoff;
}

export const OUTBOX_DEFAULTS: OutboxOptions = { timeoutMs: 10_000, perReceiver: 4, pollMs: 1000, backoff: { baseMs: 5000, maxMs: 15 * 60_000 } };

/**
 * The webhook delivery loop, off every request path: it claims due outbox rows, posts them
 * (each receiver with its own bounded concurrency, so a slow or hanging one only holds its
 * own slots until the timeout) and records each result in the database before claiming that
 * receiver's next rows. `kick` after a publication; `stop` waits for posts in flight.
 */
export function createOutboxWorker(deps: { db: Db; log: Logger; options?: Partial<OutboxOptions> }) {
  const o = { ...OUTBOX_DEFAULTS, ...deps.options };
  // A claim outlives the longest attempt, so a live node's row is never claimed by another.
  const leaseMs = o.timeoutMs * 2 + 5000;
  const inflight = new Map<string, Set<Promise<void>>>();
  let stopped = true;
  let pumping = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function attempt(d: ClaimedDelivery): Promise<void> {
    const result = await postDelivery(d, o.timeoutMs);
    try {
      if (result.ok) await markDelivered(deps.db, d.id, result.status);
      else await markFailed(deps.db, d.id, { status: result.status, error: result.error, retryInMs: retryDelay(d.attempts + 1, o.backoff) });
    } catch (err) {
      // Not recorded: the lease expires and the row is tried again (the delivery id lets the receiver see the repeat).
      deps.log.error({ err, delivery: d.id }, 'webhook delivery result not recorded');
    }
  }

  function track(d: ClaimedDelivery): void {
    const set = inflight.get(d.receiverId) ?? new Set();
    inflight.set(d.receiverId, set);
    const p: Promise<void> = attempt(d).finally(() => {
      set.delete(p);
      if (set.size) return;
      inflight.delete(d.receiverId);
      kick();
    });
    set.add(p);
  }

  async function pump(): Promise<void> {
    if (pumping) return void (again = true);
    pumping = true;
    try {
      do {
        again = false;
        if (stopped) return;
        const claimed = await claimDue(deps.db, { perReceiver: o.perReceiver, busy: [...inflight.keys()], leaseMs, limit: 200 });
        claimed.forEach(track);
      } while (again);
    } catch (err) {
      deps.log.warn({ err }, 'webhook outbox not read');
    } finally {
      pumping = false;
    }
  }

  function kick(): void {
    if (!stopped) setImmediate(() => void pump());
  }

  return {
    kick,
    async start(): Promise<void> {
      // PGlite is one process's database: a claim left in it is a crashed run's, released now.
      if (deps.db.engine === 'pglite') await releaseClaims(deps.db);
      stopped = false;
      timer = setInterval(kick, o.pollMs);
      timer.unref();
      kick();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...inflight.values()].flatMap((s) => [...s]));
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
