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
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    pub.destroy();
    sub.destroy();
    throw err;
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
