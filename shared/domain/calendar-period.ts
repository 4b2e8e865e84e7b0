/**
 * Calendar periods in a city's local time — a day (`2026-03-07`), a month (`2026-03`), a
 * quarter (`2026-Q1`) or a year (`2026`) — and the periods they are compared with (DOMAIN.md:
 * 环比 is the previous calendar period, 同比 the same period a year earlier).
 */
export const CALENDAR_KINDS = ['day', 'month', 'quarter', 'year'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** A calendar period as instants, `to` exclusive. */
export interface CalendarSpan {
  kind: CalendarKind;
  from: Date;
  to: Date;
}

const PATTERNS: ReadonlyArray<[CalendarKind, RegExp]> = [
  ['day', /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/],
  ['month', /^(\d{4})-(0[1-9]|1[0-2])$/],
  ['quarter', /^(\d{4})-Q([1-4])$/],
  ['year', /^(\d{4})$/],
];

/** Months a period kind spans (a day: none, it moves by days). */
const MONTHS: Record<CalendarKind, number> = { day: 0, month: 1, quarter: 3, year: 12 };

/** The instant of local midnight on a calendar date (month may overflow: 13 is January next year). */
function localMidnight(year: number, month: number, day: number, utcOffsetMinutes: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - utcOffsetMinutes * 60_000);
}

/** Parses a calendar period; null for anything else (including dates that do not exist). */
export function calendarSpan(text: string | null | undefined, utcOffsetMinutes: number): CalendarSpan | null {
  for (const [kind, re] of PATTERNS) {
    const m = text ? re.exec(text) : null;
    if (!m) continue;
    const year = Number(m[1]);
    const first = kind === 'day' || kind === 'month' ? Number(m[2]) : kind === 'quarter' ? (Number(m[2]) - 1) * 3 + 1 : 1;
    const day = kind === 'day' ? Number(m[3]) : 1;
    if (kind === 'day' && new Date(Date.UTC(year, first - 1, day)).getUTCDate() !== day) return null;
    const from = localMidnight(year, first, day, utcOffsetMinutes);
    return { kind, from, to: shiftPeriod(from, kind, 1, utcOffsetMinutes) };
  }
  return null;
}

/**
 * The start of the period `n` periods of `kind` after (negative: before) the one starting at
 * `from`, in local calendar terms: a month back from 1 January is 1 December of the year before;
 * a day a year back from 29 February is 28 February.
 */
export function shiftPeriod(from: Date, kind: CalendarKind, n: number, utcOffsetMinutes: number): Date {
  const local = new Date(from.getTime() + utcOffsetMinutes * 60_000);
  const [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  if (kind === 'day') return localMidnight(y, m, d + n, utcOffsetMinutes);
  return localMidnight(y, m + MONTHS[kind] * n, d, utcOffsetMinutes);
}

/** The same local day a year earlier (29 February falls back to 28 February). */
export function dayYearEarlier(from: Date, utcOffsetMinutes: number): Date {
  const local = new Date(from.getTime() + utcOffsetMinutes * 60_000);
  const [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return localMidnight(y - 1, m, Math.min(d, last), utcOffsetMinutes);
}
