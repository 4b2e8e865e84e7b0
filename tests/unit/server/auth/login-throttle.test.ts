import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from 'redis';
import { createLoginThrottle } from '../../../../server/src/auth/login-throttle.js';

const limit = (points: number, windowSec = 60, lockSec = 300) => ({ points, windowSec, lockSec });

describe('login throttle (memory)', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-06-01T00:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('refuses an account from an address after its failures, until the lock ends', async () => {
    const th = createLoginThrottle({ accountAddress: limit(3), account: limit(100), address: limit(100) });
    for (let i = 0; i < 3; i++) expect(await th.attempt('Leader', '1.1.1.1')).toBe(0);
    expect(await th.attempt('leader', '1.1.1.1')).toBe(300_000);
    expect(await th.attempt('leader', '2.2.2.2')).toBe(0); // another address is another key
    vi.advanceTimersByTime(299_000);
    expect(await th.attempt('leader', '1.1.1.1')).toBeGreaterThan(0);
    vi.advanceTimersByTime(1_000);
    expect(await th.attempt('leader', '1.1.1.1')).toBe(0);
  });

  it('a lock survives any number of attempts for other accounts (nothing is evicted)', async () => {
    const th = createLoginThrottle({ accountAddress: limit(5, 900, 900), account: limit(20, 900, 900), address: limit(50, 900, 900) });
    for (let i = 0; i < 5; i++) await th.attempt('leader', '1.1.1.1');
    expect(await th.attempt('leader', '1.1.1.1')).toBeGreaterThan(0);
    // The old table held 10,000 entries: 10,001 other keys pushed the lock out.
    for (let i = 0; i < 10_001; i++) await th.attempt(`user${i}`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    vi.advanceTimersByTime(195_000);
    expect(await th.attempt('leader', '1.1.1.1')).toBe(705_000);
  });

  it('a refused address creates no counters for the usernames it tries', async () => {
    const th = createLoginThrottle({ address: limit(3), account: limit(1) });
    for (let i = 0; i < 3; i++) await th.attempt(`s${i}`, '8.8.8.8');
    expect(await th.attempt('victim', '8.8.8.8')).toBeGreaterThan(0);
    // Had the refused attempt counted against "victim", its single allowed attempt would be gone.
    expect(await th.attempt('victim', '9.9.9.9')).toBe(0);
  });

  it('limits one address over every username (password spraying), before any hash', async () => {
    const th = createLoginThrottle({ address: limit(10) });
    for (let i = 0; i < 10; i++) expect(await th.attempt(`u${i}`, '6.6.6.6')).toBe(0);
    expect(await th.attempt('someone-else', '6.6.6.6')).toBe(300_000);
    expect(await th.attempt('someone-else', '7.7.7.7')).toBe(0);
  });

  it('limits one account over every address (distributed guessing)', async () => {
    const th = createLoginThrottle({ account: limit(4) });
    for (let i = 0; i < 4; i++) expect(await th.attempt('duty', `9.9.9.${i}`)).toBe(0);
    expect(await th.attempt('duty', '9.9.9.200')).toBe(300_000);
  });

  it('a success gives the attempt back and clears the account-address count', async () => {
    const th = createLoginThrottle({ accountAddress: limit(2), account: limit(2), address: limit(2) });
    for (let round = 0; round < 5; round++) {
      expect(await th.attempt('grid', '3.3.3.3')).toBe(0);
      await th.succeed('grid', '3.3.3.3');
    }
    expect(await th.attempt('grid', '3.3.3.3')).toBe(0);
    expect(await th.attempt('grid', '3.3.3.3')).toBe(0);
    expect(await th.attempt('grid', '3.3.3.3')).toBeGreaterThan(0);
  });
});

describe('login throttle (Redis)', () => {
  it('shares counters between nodes, and falls back to memory while Redis is down', async () => {
    const a = createClient({ url: 'redis://127.0.0.1:6379' });
    const b = createClient({ url: 'redis://127.0.0.1:6379' });
    await Promise.all([a.connect(), b.connect()]);
    const user = `u${Date.now()}${Math.random()}`;
    const ip = `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
    const opts = { accountAddress: limit(3), account: limit(100), address: limit(100) };
    const node1 = createLoginThrottle({ ...opts, redis: a });
    const node2 = createLoginThrottle({ ...opts, redis: b });
    expect(await node1.attempt(user, ip)).toBe(0);
    expect(await node2.attempt(user, ip)).toBe(0);
    expect(await node1.attempt(user, ip)).toBe(0);
    expect(await node2.attempt(user, ip)).toBeGreaterThan(0);
    b.destroy();
    // Redis unreachable for node 2: its own memory counts instead of failing the login.
    const other = `${user}-x`;
    for (let i = 0; i < 3; i++) expect(await node2.attempt(other, ip)).toBe(0);
    expect(await node2.attempt(other, ip)).toBeGreaterThan(0);
    a.destroy();
  });
});
