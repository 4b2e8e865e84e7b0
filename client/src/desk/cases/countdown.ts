import { isOverdue } from '../../../../shared/domain/lifecycle.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';

/** A span of time in the largest two units a desk reads at a glance. */
export type Span = { unit: 'dh'; d: number; h: number } | { unit: 'hm'; h: number; m: number } | { unit: 'ms'; m: number; s: number };

/** Splits `ms` (its absolute value) into a {@link Span}: days and hours, hours and minutes, or minutes and seconds. */
export function spanOf(ms: number): Span {
  const s = Math.floor(Math.abs(ms) / 1000);
  if (s >= 86_400) return { unit: 'dh', d: Math.floor(s / 86_400), h: Math.floor((s % 86_400) / 3600) };
  if (s >= 3600) return { unit: 'hm', h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) };
  return { unit: 'ms', m: Math.floor(s / 60), s: s % 60 };
}

/** Where a case stands against its deadline at `now`: none, running (time left) or overdue (time past). */
export type Countdown = { state: 'none' } | { state: 'running' | 'overdue'; span: Span };

/**
 * The countdown of a row. Overdue as soon as the deadline passes on the desk's clock, not
 * only once the server's sweep (every 15 s) marks it; a case the server marks overdue stays so.
 * A case whose department has done its part (feedback and after) has no running clock.
 */
export function countdownOf(c: Pick<GridCase, 'status' | 'deadlineAt' | 'overdue'>, now: number): Countdown {
  if (!c.deadlineAt) return { state: 'none' };
  const deadline = Date.parse(c.deadlineAt);
  if (c.overdue || isOverdue(c, now)) return { state: 'overdue', span: spanOf(deadline - now) };
  // Whether the clock runs at all: would the case be overdue just past its deadline (not once fed back, closed …)?
  return isOverdue(c, deadline + 1) ? { state: 'running', span: spanOf(deadline - now) } : { state: 'none' };
}
