/**
 * China Standard Time helpers. China keeps UTC+8 all year (no daylight saving since 1991),
 * so a fixed offset is exact and needs no time-zone database.
 */

/** UTC+8 in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Anything a timestamp may arrive as: a Date, an ISO 8601 string or epoch milliseconds. */
export type Instant = Date | string | number;

/**
 * Converts an instant to a Date, throwing a RangeError on an unparseable value so a bad
 * timestamp never turns silently into `NaN` arithmetic downstream.
 */
export function toDate(at: Instant): Date {
  const d = at instanceof Date ? new Date(at.getTime()) : new Date(at);
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid timestamp: ${String(at)}`);
  return d;
}

/** Epoch milliseconds shifted so that UTC getters read China wall-clock time. */
function chinaWall(at: Instant): Date {
  return new Date(toDate(at).getTime() + CHINA_OFFSET_MS);
}

/** Start (00:00 China time) of the China calendar day containing `at`, as an absolute Date. */
export function chinaDayStart(at: Instant): Date {
  const wall = chinaWall(at);
  const midnightWall = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  return new Date(midnightWall - CHINA_OFFSET_MS);
}

/** Hour of the day (0–23) on the China wall clock. */
export function chinaHour(at: Instant): number {
  return chinaWall(at).getUTCHours();
}

/** China calendar date of `at` as `YYYY-MM-DD`. */
export function chinaDateString(at: Instant): string {
  return chinaWall(at).toISOString().slice(0, 10);
}

/** China calendar year and month (1–12) of `at`. */
export function chinaYearMonth(at: Instant): { year: number; month: number } {
  const wall = chinaWall(at);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1 };
}
