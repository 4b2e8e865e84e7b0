/** Options of {@link createLoginThrottle}. */
export interface LoginThrottleOptions {
  /** Failures allowed within `windowMs` before the lock; default 5. */
  maxFailures?: number;
  /** Window in which failures count; default 15 minutes. */
  windowMs?: number;
  /** How long a lock lasts; default 15 minutes. */
  lockMs?: number;
  /** Entries kept at most; older ones are dropped first. */
  maxEntries?: number;
  now?: () => number;
}

/** In-memory failure counter per username + client address. */
export interface LoginThrottle {
  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  lockedFor(key: string): number;
  /** Records a failure; returns the lock duration when this failure locked the key, else 0. */
  fail(key: string): number;
  /** A success clears the key's failures. */
  succeed(key: string): void;
}

interface Entry {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

/**
 * Brute-force brake for the login route. Per username + IP, so one attacker cannot lock a
 * user out from everywhere; per node and in memory, which is enough to turn online
 * guessing from thousands per minute into a handful per quarter hour.
 */
export function createLoginThrottle(opts: LoginThrottleOptions = {}): LoginThrottle {
  const maxFailures = opts.maxFailures ?? 5;
  const windowMs = opts.windowMs ?? 15 * 60_000;
  const lockMs = opts.lockMs ?? 15 * 60_000;
  const maxEntries = opts.maxEntries ?? 10_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const e = entries.get(key);
    const t = now();
    if (e && e.lockedUntil <= t && e.firstAt + windowMs <= t) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };

  return {
    lockedFor(key) {
      const e = live(key);
      return e ? Math.max(0, e.lockedUntil - now()) : 0;
    },
    fail(key) {
      const t = now();
      let e = live(key);
      if (!e || (e.lockedUntil <= t && e.lockedUntil > 0)) e = { failures: 0, firstAt: t, lockedUntil: 0 };
      e.failures += 1;
      entries.delete(key); // re-insert so Map order is least-recently-failed first
      entries.set(key, e);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      if (e.failures >= maxFailures) {
        e.lockedUntil = t + lockMs;
        return lockMs;
      }
      return 0;
    },
    succeed(key) {
      entries.delete(key);
    },
  };
}
