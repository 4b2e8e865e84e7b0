import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { LiveLogger } from './types.js';

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
  log?: Pick<LiveLogger, 'warn'>;
  /** How long the first connection may take before the call fails (default 10 s). */
  connectTimeoutMs?: number;
}

/**
 * Connects two `redis` v5 clients (publisher and subscriber) and makes them the Socket.IO
 * adapter of `io`, so rooms, broadcasts and `serverSideEmit` reach every node. Attach it
 * before clients connect: changing the adapter resets the rooms of existing namespaces.
 */
export async function attachRedisAdapter(
  io: Server,
  redisUrl: string,
  opts: RedisAdapterOptions = {},
): Promise<{ close(): Promise<void> }> {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  // Without listeners a dropped connection would crash the process; the clients reconnect.
  pub.on('error', (err: unknown) => opts.log?.warn({ err }, 'redis adapter: publisher error'));
  sub.on('error', (err: unknown) => opts.log?.warn({ err }, 'redis adapter: subscriber error'));
  // node-redis retries a first connection forever; a node must rather fail to start.
  const connected = Promise.all([pub.connect(), sub.connect()]);
  connected.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis adapter: Redis not reachable within ${opts.connectTimeoutMs ?? 10_000} ms`)), opts.connectTimeoutMs ?? 10_000);
  });
  try {
    await Promise.race([connected, timeout]);
  } catch (err) {
    for (const c of [pub, sub]) {
      try {
        c.destroy();
      } catch {
        // already closed
      }
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
  io.adapter(createAdapter(pub, sub, opts.key ? { key: opts.key } : {}));
  clustered.add(io);
  return {
    async close() {
      clustered.delete(io);
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
