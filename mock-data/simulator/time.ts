/**
 * Time helpers in the cities' own zone. Every supported city is in China (UTC+8 all year,
 * no daylight saving), so a fixed offset is exact and needs no time-zone database.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** Calendar fields of an instant in China Standard Time. */
export interface LocalParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** Fractional hour 0 ≤ h < 24. */
  hour: number;
  /** 0 = Sunday. */
  weekday: number;
}

/** The local (UTC+8) calendar fields of an epoch-millisecond instant. */
export function localParts(ms: number): LocalParts {
  const d = new Date(ms + OFFSET);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours() + d.getUTCMinutes() / 60 + d.getUTCSeconds() / 3600,
    weekday: d.getUTCDay(),
  };
}

/** Epoch ms of a local (UTC+8) wall-clock time. */
export function localTime(year: number, month: number, day = 1, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - OFFSET;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * ISO 8601 with the `+08:00` offset and whole seconds, e.g. `2026-05-14T10:30:00+08:00`.
 * CAP 1.2 forbids the `Z` designator, so one format serves every interface.
 */
export function toLocalIso(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + OFFSET);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` + `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}

/** Compact local stamp for identifiers, e.g. `20260514T1030`. */
export function stamp(ms: number): string {
  return toLocalIso(ms).slice(0, 16).replace(/[-:]/g, '');
}

/** Rounds down to a whole second, so generated timestamps survive ISO round trips. */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
