import { dayYearEarlier, shiftPeriod, type CalendarKind } from '../../../../shared/domain/calendar-period.js';
import { localDay } from './case-contribution.js';

/** A period `[from, to)` with the two it is compared with: 环比 (the one before) and 同比 (a year earlier). */
export interface ComparedPeriod {
  from: Date;
  to: Date;
  previousFrom: Date;
  previousTo: Date;
  lastYearFrom: Date;
  lastYearTo: Date;
}

/** The same instant one calendar year earlier (29 February falls back to 28 February). */
export function yearEarlier(at: Date): Date {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  if (d.getUTCDate() !== at.getUTCDate()) d.setUTCDate(0);
  return d;
}

/** A calendar period (day, month, quarter or year) starting at `from`, in a city's local time. */
export interface CalendarBasis {
  kind: CalendarKind;
  utcOffsetMinutes: number;
}

/**
 * The periods `[from, to)` is compared with. Without a calendar basis (custom days, the last 7
 * or 30 days): 环比 is the period of equal length ending where this one starts, 同比 the same
 * instants a year earlier. For a calendar period starting at `from` (DOMAIN.md): 环比 is the
 * previous calendar period (a month's the month before, a quarter's the quarter before, a
 * year's the year before) and 同比 the same period a year earlier; a period still running
 * (`to` before its end) compares as much of each as has elapsed of this one, never more than
 * the whole period.
 */
export function comparePeriods(from: Date, to: Date, basis?: CalendarBasis): ComparedPeriod {
  const length = to.getTime() - from.getTime();
  if (!basis) return { from, to, previousFrom: new Date(from.getTime() - length), previousTo: from, lastYearFrom: yearEarlier(from), lastYearTo: yearEarlier(to) };
  const { kind, utcOffsetMinutes: offset } = basis;
  const previousFrom = shiftPeriod(from, kind, -1, offset);
  const lastYearFrom = dayYearEarlier(from, offset);
  const lastYearEnd = shiftPeriod(lastYearFrom, kind, 1, offset);
  const whole = to >= shiftPeriod(from, kind, 1, offset);
  const upTo = (start: Date, end: Date) => (whole ? end : new Date(Math.min(start.getTime() + length, end.getTime())));
  return { from, to, previousFrom, previousTo: upTo(previousFrom, from), lastYearFrom, lastYearTo: upTo(lastYearFrom, lastYearEnd) };
}

/**
 * The local days a period covers: the rollups keep days, so a period counts each local day
 * it touches, from the day of `from` to the day of the last instant before `to`.
 */
export function dayRange(from: Date, to: Date, utcOffsetMinutes: number): { fromDay: string; toDay: string } {
  return { fromDay: localDay(from, utcOffsetMinutes), toDay: localDay(new Date(Math.max(from.getTime(), to.getTime() - 1)), utcOffsetMinutes) };
}

/** Every day from `fromDay` to `toDay` inclusive, YYYY-MM-DD. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${fromDay}T00:00:00Z`); t <= Date.parse(`${toDay}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
