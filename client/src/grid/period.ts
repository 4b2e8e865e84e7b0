import { calendarSpan } from '../../../shared/domain/calendar-period.js';
import { chinaDateString, chinaDayStart, chinaYearMonth, CHINA_OFFSET_MS, type Instant } from '../../../shared/domain/time.js';

/** A span of time, `to` exclusive. */
export interface Span {
  from: Date;
  to: Date;
}

/** The heatmap's time windows. */
export const WINDOWS = ['today', '7d', '30d', 'month', 'custom'] as const;
export type HeatWindow = (typeof WINDOWS)[number];

const DAY_MS = 86_400_000;
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 00:00 China time of a `YYYY-MM-DD` day; null for anything else. */
export function dayStart(day: string | null | undefined): Date | null {
  if (!day || !DATE_RE.test(day)) return null;
  const d = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? null : new Date(d.getTime() - CHINA_OFFSET_MS);
}

/** The current China month as `YYYY-MM`. */
export function monthOf(at: Instant): string {
  const { year, month } = chinaYearMonth(at);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Custom days, both inclusive, as a span; null when either is missing, malformed or they are reversed. */
export function daysSpan(from: string | null | undefined, to: string | null | undefined): Span | null {
  const a = dayStart(from);
  const b = dayStart(to);
  return a && b && a <= b ? { from: a, to: new Date(b.getTime() + DAY_MS) } : null;
}

/**
 * A statistical period as a span in China time: `YYYY-MM` (a month), `YYYY-Qn` (a quarter) or
 * `YYYY` (a year); null for anything else.
 */
export function periodSpan(period: string | null | undefined): Span | null {
  const span = calendarSpan(period, CHINA_OFFSET_MS / 60_000);
  return span && span.kind !== 'day' ? { from: span.from, to: span.to } : null;
}

/**
 * The calendar period (`YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn`, `YYYY`) a heatmap window or an
 * evaluation period names, which the server compares with the previous calendar period (环比);
 * null for runs of days (the last 7 or 30, custom), compared with as many days before.
 */
export function calendarPeriodOf(choice: WindowChoice | { period: string | null }, now: Date): string | null {
  if ('period' in choice) return choice.period === 'custom' ? null : (choice.period ?? monthOf(now));
  if (choice.window === 'today') return chinaDateString(now);
  return choice.window === 'month' ? (choice.month ?? monthOf(now)) : null;
}

/** The heatmap window's options as the address carries them. */
export interface WindowChoice {
  window: HeatWindow;
  /** `YYYY-MM`, for `month` (default: this month). */
  month?: string | null;
  /** `YYYY-MM-DD` days, both inclusive, for `custom`. */
  from?: string | null;
  to?: string | null;
}

/**
 * The span a heatmap window covers at `now`: today from midnight; 7 and 30 days as whole days
 * ending today (so yesterday's comparison is a like-for-like run of days); a month whole (the
 * current one up to now); custom days inclusive. Null when a custom or month choice is invalid.
 */
export function windowSpan(choice: WindowChoice, now: Date): Span | null {
  const today = chinaDayStart(now);
  switch (choice.window) {
    case 'today':
      return { from: today, to: now };
    case '7d':
    case '30d': {
      const days = choice.window === '7d' ? 7 : 30;
      return { from: new Date(today.getTime() - (days - 1) * DAY_MS), to: now };
    }
    case 'month': {
      const month = choice.month ?? monthOf(now);
      const span = MONTH_RE.test(month) ? periodSpan(month) : null;
      if (!span || span.from > now) return null;
      return span.to > now ? { from: span.from, to: now } : span;
    }
    case 'custom':
      return daysSpan(choice.from, choice.to);
  }
}

/** The China days a span covers, first and last (inclusive), as `YYYY-MM-DD`. */
export function spanDays(span: Span): { first: string; last: string } {
  return { first: chinaDateString(span.from), last: chinaDateString(new Date(span.to.getTime() - 1)) };
}

/**
 * Growth of a value against a base (环比 against the previous period, 同比 against last year):
 * `value ÷ base − 1`; null when either is missing or the base is zero (nothing to compare with).
 */
export function growth(value: number | null | undefined, base: number | null | undefined): number | null {
  if (value === null || value === undefined || base === null || base === undefined || base === 0) return null;
  return value / base - 1;
}

/**
 * The comparison a rate reads best in: its change in percentage points (a closure rate from
 * 80 % to 90 % is +10 points, not +12.5 %).
 */
export function pointsChange(value: number | null | undefined, base: number | null | undefined): number | null {
  return value === null || value === undefined || base === null || base === undefined ? null : value - base;
}

/**
 * The span of an evaluation period as the address holds it: `custom` between its days
 * (inclusive), else the month, quarter or year (this month when none is chosen).
 */
export function evaluationSpan(period: string | null, from: string | null, to: string | null, now: Date): Span | null {
  return period === 'custom' ? daysSpan(from, to) : periodSpan(period ?? monthOf(now));
}
