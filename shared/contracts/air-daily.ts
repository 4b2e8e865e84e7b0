import type { AqiStandard, Pollutant } from '../domain/aqi.js';
import type { DailyKey } from '../domain/air-daily.js';

/**
 * One daily air report (日报) of a station, a district or the city, as
 * `GET /api/v1/air/daily` and `/air/daily/areas` answer it.
 */
export interface AirDailyReport {
  /** China calendar date, `YYYY-MM-DD`. */
  date: string;
  level: 'station' | 'district' | 'city';
  /** The station id, or the district's / city's adcode. */
  scope: string;
  /** The station's district; the district itself; null for the city. */
  district: string | null;
  /** Daily AQI (HJ 633 of the date's edition); null when the day is not valid. */
  aqi: number | null;
  category: number | null;
  primaryPollutants: Pollutant[];
  iaqi: Partial<Record<Pollutant, number>>;
  standard: AqiStandard;
  /** Valid daily concentrations (24h means; `o3_8h` the daily maximum 8h mean). Areas: means over their valid stations. */
  concentrations: Partial<Record<DailyKey, number>>;
  /** Stations: hourly values behind each 24h mean, valid 8h means behind `o3_8h`. Areas: absent. */
  counts?: Partial<Record<DailyKey, number>>;
  /** Areas: how many stations had a valid day. */
  stations?: number;
  /** Whether the day counts (GB 3095 validity; areas: at least one valid station). */
  valid: boolean;
}

/** The year-to-date air figures of the vital signs (优良天数比例, PM2.5 mean) against the city pack's targets. */
export interface AirYearToDate {
  /** China year counted, over its completed days (today is not counted until it ends). */
  year: number;
  validDays: number;
  goodDays: number;
  /** goodDays ÷ validDays, 0..1; null without a valid day. */
  goodDaysRatio: number | null;
  /** Mean of the valid days' PM2.5 daily concentrations, μg/m³; null without one. */
  pm25Mean: number | null;
  /** From the city pack (`airTargets`); null when it sets none. */
  goodDaysTarget: number | null;
  pm25Target: number | null;
}
