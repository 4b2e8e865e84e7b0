import { CHINA_OFFSET_MS } from './time.js';
import { parsePeriod } from './period.js';

/**
 * How far from the receiving clock an ingested time may lie. A source's clock may run a
 * little ahead of ours (`futureToleranceMs`); nothing real happened before `earliest`
 * (the product's choice: no city data of this kind predates 2000), so older times are
 * typing or epoch errors.
 */
export interface TimeBounds {
  futureToleranceMs: number;
  /** Epoch milliseconds of the earliest acceptable time. */
  earliestMs: number;
}

/** Five minutes of clock skew; nothing before 2000-01-01 (UTC). */
export const DEFAULT_TIME_BOUNDS: TimeBounds = {
  futureToleranceMs: 5 * 60_000,
  earliestMs: Date.UTC(2000, 0, 1),
};

/** Whether a time may only be bounded below (a CAP `expires` or `onset` lies ahead by nature). */
export type TimeKind = 'past' | 'any';

/**
 * Why `at` (an ISO 8601 date-time) is out of bounds at `now`, or null when it is fine: before
 * `earliest`, or (for `past` times, the default) later than `now` plus the tolerance.
 */
export function timeProblem(at: string, now: Date, bounds: TimeBounds = DEFAULT_TIME_BOUNDS, kind: TimeKind = 'past'): string | null {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return 'is not a date-time';
  if (ms < bounds.earliestMs) return `is before ${new Date(bounds.earliestMs).toISOString()}, the earliest time accepted`;
  const latest = now.getTime() + bounds.futureToleranceMs;
  if (kind === 'past' && ms > latest) {
    return `is in the future (later than the server's clock ${now.toISOString()} plus ${Math.round(bounds.futureToleranceMs / 1000)} s)`;
  }
  return null;
}

/** Start of a statistical period (`2026-10`, `2026-Q4`) on the China calendar, epoch ms. */
export function periodStartMs(period: string): number {
  const p = parsePeriod(period);
  const month = p.kind === 'month' ? p.index : p.index * 3 - 2;
  return Date.UTC(p.year, month - 1, 1) - CHINA_OFFSET_MS;
}

/**
 * Why a statistical period is out of bounds at `now`, or null: a period that has not begun
 * yet (China time, with the clock tolerance) has no figures, and one starting before
 * `earliest` is refused like any other time.
 */
export function periodProblem(period: string, now: Date, bounds: TimeBounds = DEFAULT_TIME_BOUNDS): string | null {
  const start = periodStartMs(period);
  if (start < bounds.earliestMs) return `starts before ${new Date(bounds.earliestMs).toISOString()}, the earliest time accepted`;
  if (start > now.getTime() + bounds.futureToleranceMs) return `has not begun yet (server clock ${now.toISOString()})`;
  return null;
}
