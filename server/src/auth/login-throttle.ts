import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** One limit: `points` failed logins within `windowSec`, then blocked for `lockSec`. */
export interface LoginLimit {
  points: number;
  windowSec: number;
  lockSec: number;
}

/** Options of {@link createLoginThrottle}; every limit has a default. */
export interface LoginThrottleOptions {
  /** Per username + address: guessing one account from one place (default 5 in 15 min, 15 min lock). */
  accountAddress?: LoginLimit;
  /** Per username from anywhere: distributed guessing of one account (default 20 in 15 min, 15 min lock). */
  account?: LoginLimit;
  /** Per address over every username: password spraying (default 50 in 15 min, 15 min lock). */
  address?: LoginLimit;
  /**
   * A connected node-redis client: the counters are then shared by every node. While Redis is
   * unreachable each node falls back to its own memory (rate-limiter-flexible's insurance).
   */
  redis?: unknown;
}

/** Brute-force brake of the login route; every method is about one username from one address. */
export interface LoginThrottle {
  /**
   * Reserves one attempt before the password is hashed. Resolves with 0 when the attempt may
   * go ahead, else with the milliseconds until it may (nothing is hashed then).
   */
  attempt(username: string, address: string): Promise<number>;
  /** A correct password: the attempt no longer counts, and the account's lock from this address ends. */
  succeed(username: string, address: string): Promise<void>;
}

const DEFAULTS = {
  accountAddress: { points: 5, windowSec: 15 * 60, lockSec: 15 * 60 },
  account: { points: 20, windowSec: 15 * 60, lockSec: 15 * 60 },
  address: { points: 50, windowSec: 15 * 60, lockSec: 15 * 60 },
} satisfies Record<string, LoginLimit>;

function limiter(name: string, limit: LoginLimit, redis: unknown): RateLimiterAbstract {
  const opts = { keyPrefix: `login:${name}`, points: limit.points, duration: limit.windowSec, blockDuration: limit.lockSec };
  // Memory keys expire with their window or lock and are never evicted early, so filling
  // the table cannot clear a lock; the address limit bounds how many keys one address creates.
  const memory = new RateLimiterMemory(opts);
  if (!redis) return memory;
  return new RateLimiterRedis({ ...opts, storeClient: redis, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: memory });
}

/**
 * Counts login attempts per account + address, per account and per address with
 * rate-limiter-flexible. An attempt is counted before the password is hashed (so a blocked
 * caller costs no argon2 work and parallel requests cannot slip past the limit) and given
 * back when the password was right, so only failures add up.
 */
export function createLoginThrottle(opts: LoginThrottleOptions = {}): LoginThrottle {
  // Address first: a refused address creates no per-account counters, which bounds the
  // counters one address can create to its own limit per window.
  const limits = [
    { key: (_u: string, a: string) => a, rl: limiter('a', opts.address ?? DEFAULTS.address, opts.redis) },
    { key: (u: string) => u, rl: limiter('u', opts.account ?? DEFAULTS.account, opts.redis) },
    { key: (u: string, a: string) => `${u}|${a}`, rl: limiter('ua', opts.accountAddress ?? DEFAULTS.accountAddress, opts.redis) },
  ];
  const norm = (username: string) => username.toLowerCase();

  return {
    async attempt(username, address) {
      const u = norm(username);
      for (const { key, rl } of limits) {
        try {
          await rl.consume(key(u, address));
        } catch (res) {
          if (res instanceof RateLimiterRes) return Math.max(1, res.msBeforeNext);
          throw res; // a store failure without insurance: an error, not a lock
        }
      }
      return 0;
    },
    async succeed(username, address) {
      const u = norm(username);
      const [byAddress, byAccount, byBoth] = limits;
      await byBoth!.rl.delete(byBoth!.key(u, address));
      await Promise.all([byAddress!, byAccount!].map(({ key, rl }) => rl.reward(key(u, address), 1)));
    },
  };
}
