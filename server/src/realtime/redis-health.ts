/** The parts of a node-redis client the watcher looks at. */
export interface WatchedRedisClient {
  readonly isReady: boolean;
  on(event: 'ready' | 'end' | 'error' | 'reconnecting', listener: (...args: unknown[]) => void): unknown;
}

/** Where state changes are reported. */
export interface RedisHealthLog {
  warn(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
}

/** Whether Redis is usable now; see {@link watchRedisHealth}. */
export interface RedisHealth {
  /** True while every watched connection is ready. */
  up(): boolean;
}

/**
 * Follows the connections to Redis and logs once per change — "degraded" when one drops,
 * "recovered" when all are back — instead of once per reconnect attempt. Redis only carries
 * cross-node fan-out and shared counters, so an outage degrades a node rather than stopping it.
 */
export function watchRedisHealth(clients: WatchedRedisClient[], log?: RedisHealthLog): RedisHealth {
  const ready = () => clients.every((c) => c.isReady);
  let last = ready();
  let lastError: string | undefined;
  const check = () => {
    const now = ready();
    if (now === last) return;
    last = now;
    if (now) log?.info({ redis: 'ok' }, 'redis: connection recovered; cross-node fan-out and shared login throttling resume');
    else log?.warn({ redis: 'degraded', error: lastError }, 'redis: connection lost; this node keeps serving alone (no cross-node fan-out, login throttling per node) and keeps retrying');
  };
  for (const c of clients) {
    c.on('ready', check);
    c.on('end', check);
    c.on('reconnecting', check);
    c.on('error', (err: unknown) => {
      lastError = err instanceof Error ? err.message : String(err);
      check();
    });
  }
  return { up: () => last && ready() };
}
