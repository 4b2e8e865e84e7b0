import type { Queryable } from '../../store/db.js';
import type { AirYearToDate } from '../../../../shared/contracts/air-daily.js';
import type { CityManifest } from '../../../../shared/schemas/city-pack.js';
import { isGoodDay } from '../../../../shared/domain/air-daily.js';
import { chinaDateString, chinaDayStart } from '../../../../shared/domain/time.js';
import { areaDailyReports, type DailyArea } from '../env/daily-reports.js';

/**
 * 优良天数比例 and the PM2.5 mean of the China year so far, per scope (the city and each
 * district), from the daily results table (`air_daily`, one row per station and day) — never
 * from the hourly history. Completed days only: today counts once it has ended. Real data only.
 */
export async function airYearToDate(q: Queryable, t: Date, city: CityManifest): Promise<Map<string, AirYearToDate>> {
  const year = Number(chinaDateString(t).slice(0, 4));
  const from = `${year}-01-01`;
  const to = chinaDateString(new Date(chinaDayStart(t).getTime() - 1));
  const areas: DailyArea[] = [{ scope: city.adcode, level: 'city', districts: null }, ...city.districts.map((d): DailyArea => ({ scope: d.adcode, level: 'district', districts: [d.adcode] }))];
  const reports = from <= to ? await areaDailyReports(q, { from, to, exercise: false }, areas) : [];
  const out = new Map<string, AirYearToDate>();
  for (const area of areas) {
    const days = reports.filter((r) => r.scope === area.scope && r.aqi !== null);
    const good = days.filter((r) => isGoodDay(r.aqi!)).length;
    const pm25 = days.map((r) => r.concentrations.pm25_24h).filter((v): v is number => v !== undefined);
    out.set(area.scope, {
      year,
      validDays: days.length,
      goodDays: good,
      goodDaysRatio: days.length ? good / days.length : null,
      pm25Mean: pm25.length ? pm25.reduce((a, b) => a + b, 0) / pm25.length : null,
      goodDaysTarget: city.airTargets?.goodDaysRatio ?? null,
      pm25Target: city.airTargets?.pm25Mean ?? null,
    });
  }
  return out;
}

/** How long a year-to-date figure may serve before it is read again, for days stored by other nodes. */
const MAX_AGE_MS = 60_000;

/**
 * The year-to-date figures, cached: read again on a new China day, after this node stored a
 * real air reading of a past day (`touch`), or after a minute (another node's back-fill) —
 * not on every vital-signs tick, which runs every second while readings arrive.
 */
export function createAirYearCache(q: Queryable, city: CityManifest) {
  let cached: { day: string; readAt: number; value: Map<string, AirYearToDate> } | null = null;
  return {
    async get(t: Date): Promise<Map<string, AirYearToDate>> {
      const day = chinaDateString(t);
      if (!cached || cached.day !== day || t.getTime() - cached.readAt > MAX_AGE_MS) {
        cached = { day, readAt: t.getTime(), value: await airYearToDate(q, t, city) };
      }
      return cached.value;
    },
    /** Notes stored readings: a real air reading of a day before today makes the figures stale. */
    touch(readings: readonly { kind: string; observedAt: string; exercise: boolean }[]): void {
      if (cached && readings.some((o) => o.kind === 'air' && !o.exercise && chinaDateString(o.observedAt) < cached!.day)) cached = null;
    },
  };
}
