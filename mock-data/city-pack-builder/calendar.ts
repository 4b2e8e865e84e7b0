import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';
import type { WorkCalendar } from '../../shared/domain/work-calendar.js';

/** Working hours of one working day of {@link guangdongCalendar}. */
export const WORKING_DAY_HOURS = 7;

/** Years the packs carry holidays for. */
export const CALENDAR_YEARS = [2025, 2026, 2027] as const;

/** `chinese-days`' table of the State Council's published arrangements: day → name, by kind. */
interface PublishedDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const { getSolarDateFromLunar, getSolarTermDate } = chineseDays; // a CommonJS package: no named ESM exports
const published = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as PublishedDays;

const inYear = (days: Record<string, string>, year: number) => Object.keys(days).filter((d) => d.startsWith(`${year}-`));

function shift(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The statutory days off of a year whose arrangement is not published yet, as the 2024
 * revision of 《全国年节及纪念日放假办法》 fixes them: 元旦, 春节 (除夕 and 初一–初三), 清明,
 * 劳动节 (1–2 May), 端午, 中秋, 国庆 (1–3 Oct). The notice adds bridge days and make-up
 * working days (调休) on top; those cannot be known before it appears.
 */
export function statutoryDaysOff(year: number): string[] {
  const newYear = getSolarDateFromLunar(`${year}-01-01`).date;
  const lunar = (md: string) => getSolarDateFromLunar(`${year}-${md}`).date;
  return [
    `${year}-01-01`,
    ...[-1, 0, 1, 2].map((d) => shift(newYear, d)),
    getSolarTermDate(year, 4, 'pure_brightness'),
    `${year}-05-01`,
    `${year}-05-02`,
    lunar('05-05'),
    lunar('08-15'),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ].sort();
}

/** Years of {@link CALENDAR_YEARS} the installed `chinese-days` has no published arrangement for. */
export function unpublishedYears(): number[] {
  return CALENDAR_YEARS.filter((y) => inYear(published.holidays, y).length === 0);
}

/**
 * The working calendar of a Guangdong city government: Monday to Friday, 08:30–12:00 and
 * 14:00–17:30 (7 working hours a day), China Standard Time; public holidays and make-up
 * working days as the State Council published them (via `chinese-days`), and for a year not
 * published yet its statutory days off only (see {@link statutoryDaysOff}).
 */
export function guangdongCalendar(): WorkCalendar {
  const holidays: string[] = [];
  const workingDays: string[] = [];
  for (const year of CALENDAR_YEARS) {
    const off = inYear(published.holidays, year);
    holidays.push(...(off.length > 0 ? off : statutoryDaysOff(year)));
    workingDays.push(...inYear(published.workdays, year));
  }
  return {
    utcOffsetMinutes: 480,
    workdays: [1, 2, 3, 4, 5],
    hours: [
      ['08:30', '12:00'],
      ['14:00', '17:30'],
    ],
    holidays: holidays.sort(),
    workingDays: workingDays.sort(),
  };
}
