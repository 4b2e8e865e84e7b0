import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../../../server/src/auth/login-throttle.js';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('login throttle', () => {
  it('locks a key after maxFailures and releases it after the lock', () => {
    const c = clock();
    const th = createLoginThrottle({ maxFailures: 3, windowMs: 60_000, lockMs: 30_000, now: c.now });
    expect(th.fail('u|ip')).toBe(0);
    expect(th.fail('u|ip')).toBe(0);
    expect(th.lockedFor('u|ip')).toBe(0);
    expect(th.fail('u|ip')).toBe(30_000);
    expect(th.lockedFor('u|ip')).toBe(30_000);
    expect(th.lockedFor('u|other-ip')).toBe(0);
    c.advance(30_000);
    expect(th.lockedFor('u|ip')).toBe(0);
    expect(th.fail('u|ip')).toBe(0); // counting starts over after a lock
  });

  it('forgets failures older than the window', () => {
    const c = clock();
    const th = createLoginThrottle({ maxFailures: 2, windowMs: 10_000, lockMs: 5_000, now: c.now });
    th.fail('k');
    c.advance(10_000);
    expect(th.fail('k')).toBe(0);
  });

  it('clears failures on success', () => {
    const th = createLoginThrottle({ maxFailures: 2 });
    th.fail('k');
    th.succeed('k');
    expect(th.fail('k')).toBe(0);
  });

  it('stays within maxEntries', () => {
    const th = createLoginThrottle({ maxFailures: 1, maxEntries: 2 });
    th.fail('a');
    th.fail('b');
    th.fail('c');
    expect(th.lockedFor('a')).toBe(0);
    expect(th.lockedFor('c')).toBeGreaterThan(0);
  });
});
