import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { LiveLogger } from './types.js';
import { watchRedisHealth } from './redis-health.js';

const clustered = new WeakSet<object>();

/** Whether `io` fans out across nodes, so the hub must forward its deltas to the others. */
export function isClustered(io: object): boolean {
  return clustered.has(io);
}

/** Marks `io` as clustered when some other cross-node adapter was attached by hand. */
export function markClustered(io: object): void {
  clustered.add(io);
}

/** Options of {@link attachRedisAdapter}. */
export interface RedisAdapterOptions {
  /** Channel prefix; nodes of one deployment share it (default `socket.io`). */
  key?: string;
  /** Receives one line per change of the connection state (degraded / recovered). */
  log?: Pick<LiveLogger, 'warn' | 'info'>;
  /** How long the first connection may take before the call fails (default 10 s). */
  connectTimeoutMs?: number;
}

/** The connection behind the adapter, for readiness probes and shutdown. */
export interface RedisAdapterHandle {
  /** Resolves when both clients are connected and Redis answers PING within 2 s; throws otherwise. */
  ping(): Promise<void>;
  /** True while both connections are ready; false during an outage, while they retry. */
  up(): boolean;
  /** The publishing connection, for other shared state on Redis (the login throttle). */
  readonly client: ReturnType<typeof createClient>;
  close(): Promise<void>;
}

/**
 * Connects two `redis` v5 clients (publisher and subscriber) and makes them the Socket.IO
 * adapter of `io`, so rooms, broadcasts and `serverSideEmit` reach every node. Attach it
 * before clients connect: changing the adapter resets the rooms of existing namespaces.
 */
export async function attachRedisAdapter(io: Server, redisUrl: string, opts: RedisAdapterOptions = {}): Promise<RedisAdapterHandle> {
  // During an outage a publish fails at once instead of queueing without bound; the other
  // nodes' clients fill the gap from the delta log (reorder buffer) once Redis is back.
  const pub = createClient({ url: redisUrl, disableOfflineQueue: true });
  const sub = createClient({ url: redisUrl });
  // The adapter publishes without awaiting; a failed publish must not become an unhandled rejection.
  const publish = pub.publish.bind(pub);
  Object.assign(pub, {
    publish: (...args: Parameters<typeof publish>) => {
      const sent = publish(...args);
      sent.catch(() => undefined);
      return sent;
    },
  });
  // Without error listeners a dropped connection would crash the process; the clients
  // reconnect, and the watcher logs the outage once rather than every retry.
  const health = watchRedisHealth([pub, sub], opts.log);
  const connectTimeoutMs = opts.connectTimeoutMs ?? 10_000;
  try {
    // node-redis retries a first connection forever; a node must rather fail to start.
    await withTimeout(Promise.all([pub.connect(), sub.connect()]), connectTimeoutMs, `Redis not reachable within ${connectTimeoutMs} ms`);
  } catch (err) {
    for (const c of [pub, sub]) {
      try {
        c.destroy();
      } catch {
        // already closed
      }
    }
    throw err;
  }
  io.adapter(createAdapter(pub, sub, opts.key ? { key: opts.key } : {}));
  clustered.add(io);
  return {
    client: pub,
    up: health.up,
    async ping() {
      // Commands queue while disconnected; a probe must answer now.
      if (!pub.isReady || !sub.isReady) throw new Error('redis adapter: not connected to Redis');
      await withTimeout(pub.ping(), 2000, 'Redis did not answer PING within 2000 ms');
    },
    async close() {
      clustered.delete(io);
      // A client still retrying would wait for Redis to come back before closing.
      await Promise.allSettled([pub, sub].map((c) => (c.isReady ? c.close() : Promise.resolve(c.destroy()))));
    },
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  work.catch(() => undefined); // settled later or never; the timeout answers
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis adapter: ${message}`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
