import { chinaYearMonth, type Instant } from './time.js';

/** A statistical period: month 1–12 of a year (`2026-10`) or quarter 1–4 (`2026-Q3`). */
export interface Period {
  kind: 'month' | 'quarter';
  year: number;
  /** Month 1–12 or quarter 1–4. */
  index: number;
}

const PERIOD_RE = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

/** Parses `YYYY-MM` or `YYYY-Qn`; throws a RangeError on anything else. */
export function parsePeriod(text: string): Period {
  const m = PERIOD_RE.exec(text);
  if (!m) throw new RangeError(`invalid period '${text}': must be YYYY-MM or YYYY-Qn`);
  const year = Number(m[1]);
  return m[2] !== undefined ? { kind: 'month', year, index: Number(m[2]) } : { kind: 'quarter', year, index: Number(m[3]) };
}

/** Formats a period back to `YYYY-MM` / `YYYY-Qn`. */
export function formatPeriod(p: Period): string {
  const y = String(p.year).padStart(4, '0');
  return p.kind === 'month' ? `${y}-${String(p.index).padStart(2, '0')}` : `${y}-Q${p.index}`;
}

function periodsPerYear(p: Period): number {
  return p.kind === 'month' ? 12 : 4;
}

/** The same period one year earlier (the 同比 base): `2026-10` → `2025-10`. */
export function samePeriodLastYear(text: string): string {
  const p = parsePeriod(text);
  return formatPeriod({ ...p, year: p.year - 1 });
}

/** The period just before (the 环比 base): `2026-01` → `2025-12`, `2026-Q1` → `2025-Q4`. */
export function previousPeriod(text: string): string {
  const p = parsePeriod(text);
  return formatPeriod(p.index > 1 ? { ...p, index: p.index - 1 } : { ...p, year: p.year - 1, index: periodsPerYear(p) });
}

/** The same period one year later (whose 同比 rests on this one): `2025-10` → `2026-10`. */
export function samePeriodNextYear(text: string): string {
  const p = parsePeriod(text);
  return formatPeriod({ ...p, year: p.year + 1 });
}

/** The period just after (whose 环比 rests on this one): `2025-12` → `2026-01`, `2025-Q4` → `2026-Q1`. */
export function nextPeriod(text: string): string {
  const p = parsePeriod(text);
  return formatPeriod(p.index < periodsPerYear(p) ? { ...p, index: p.index + 1 } : { ...p, year: p.year + 1, index: 1 });
}

/**
 * Share of the year elapsed at the end of the period, counted in whole periods (the product's
 * choice, matching 1–n月 cumulative reporting): `2026-10` → 10/12, `2026-Q3` → 3/4.
 */
export function elapsedShare(text: string): number {
  const p = parsePeriod(text);
  return p.index / periodsPerYear(p);
}

/** The month or quarter containing an instant, in China time. */
export function periodAt(at: Instant, kind: Period['kind']): string {
  const { year, month } = chinaYearMonth(at);
  return formatPeriod({ kind, year, index: kind === 'month' ? month : Math.ceil(month / 3) });
}
