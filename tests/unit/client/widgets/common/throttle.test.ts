import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from '../../../../../client/src/widgets/common/throttle.js';

describe('createThrottle: aggregates at most once per second', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first request at once and collapses a burst into one trailing run', () => {
    const fn = vi.fn();
    const t = createThrottle(fn, 1000);
    t.schedule();
    expect(fn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) t.schedule();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('runs at once again after a quiet interval', () => {
    const fn = vi.fn();
    const t = createThrottle(fn, 1000);
    t.schedule();
    vi.advanceTimersByTime(5000);
    t.schedule();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('drops a pending run when cancelled', () => {
    const fn = vi.fn();
    const t = createThrottle(fn, 1000);
    t.schedule();
    t.schedule();
    t.cancel();
    vi.advanceTimersByTime(2000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
