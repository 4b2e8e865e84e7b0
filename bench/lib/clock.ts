import { performance } from 'node:perf_hooks';

/**
 * Milliseconds on a clock every bench process shares: each process's monotonic clock
 * anchored at its own start (`timeOrigin`), so two processes agree to well under a millisecond
 * while no process sees it jump with NTP.
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
