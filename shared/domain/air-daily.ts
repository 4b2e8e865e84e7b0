import { computeAqi, type AqiResult } from './aqi.js';

/** GB 3095-2012 data validity: hourly values a 24-hour mean needs. */
const MIN_HOURS_24H = 20;
/** Hourly values an 8-hour moving mean needs. */
const MIN_HOURS_8H = 6;
/** Valid 8-hour means O3's daily maximum needs. */
const MIN_O3_WINDOWS = 14;

/** The concentrations of the daily report (日报): 24h means and O3's daily maximum 8h mean. */
export const DAILY_KEYS = ['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'pm25_24h', 'o3_8h'] as const;
export type DailyKey = (typeof DAILY_KEYS)[number];
type MeanKey = Exclude<DailyKey, 'o3_8h'>;

/** The hourly item each 24h mean averages. */
const HOURLY: Record<MeanKey, string> = { so2_24h: 'so2', no2_24h: 'no2', pm10_24h: 'pm10', co_24h: 'co', pm25_24h: 'pm25' };

/** One reading of a China day: its hour (0–23, China time) and measured values. */
export interface AirHour {
  hour: number;
  values: Readonly<Record<string, number>>;
}

/** One station's day: its valid daily concentrations and what they rest on. */
export interface AirDayMeans {
  /** Daily concentrations that met the validity rule (μg/m³, CO mg/m³). */
  means: Partial<Record<DailyKey, number>>;
  /** Hourly values behind each 24h mean; valid 8-hour means behind `o3_8h`. */
  counts: Partial<Record<DailyKey, number>>;
  /** Every pollutant measured that day has a valid daily value, and at least one has. */
  valid: boolean;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The hourly values of `item` by hour (several readings in one hour count as their mean). */
function byHour(hours: readonly AirHour[], item: string): Map<number, number> {
  const acc = new Map<number, number[]>();
  for (const h of hours) {
    const v = h.values[item];
    if (v !== undefined) acc.set(h.hour, [...(acc.get(h.hour) ?? []), v]);
  }
  return new Map([...acc].map(([hour, vs]) => [hour, mean(vs)]));
}

/**
 * The daily concentrations of one station's China day (GB 3095-2012 validity, HJ 663 practice):
 * a 24h mean from at least 20 hourly values; O3 as the highest of the day's 8-hour moving
 * means ending at 07:00 … 23:00, each from at least 6 hourly values, with at least 14 of them valid.
 */
export function airDayMeans(hours: readonly AirHour[]): AirDayMeans {
  const means: AirDayMeans['means'] = {};
  const counts: AirDayMeans['counts'] = {};
  const measured: DailyKey[] = [];
  for (const key of Object.keys(HOURLY) as MeanKey[]) {
    const values = [...byHour(hours, HOURLY[key]).values()];
    if (!values.length) continue;
    measured.push(key);
    counts[key] = values.length;
    if (values.length >= MIN_HOURS_24H) means[key] = mean(values);
  }
  const o3 = byHour(hours, 'o3');
  if (o3.size) {
    measured.push('o3_8h');
    const windows: number[] = [];
    for (let end = 7; end <= 23; end++) {
      const inWindow = [...o3].filter(([h]) => h > end - 8 && h <= end).map(([, v]) => v);
      if (inWindow.length >= MIN_HOURS_8H) windows.push(mean(inWindow));
    }
    counts.o3_8h = windows.length;
    if (windows.length >= MIN_O3_WINDOWS) means.o3_8h = Math.max(...windows);
  }
  return { means, counts, valid: measured.length > 0 && measured.every((k) => means[k] !== undefined) };
}

/**
 * An area's (city's or district's) daily concentrations, HJ 663 practice: each pollutant's
 * arithmetic mean over the stations whose day is valid. Null when none is.
 */
export function areaDayMeans(stations: readonly AirDayMeans[]): AirDayMeans['means'] | null {
  const valid = stations.filter((s) => s.valid);
  if (!valid.length) return null;
  const out: AirDayMeans['means'] = {};
  for (const key of DAILY_KEYS) {
    const values = valid.map((s) => s.means[key]).filter((v): v is number => v !== undefined);
    if (values.length) out[key] = mean(values);
  }
  return out;
}

/** The daily AQI (日报) of a China date `YYYY-MM-DD` from its daily concentrations, by the edition of that date. */
export function dailyAqi(date: string, means: AirDayMeans['means']): AqiResult | null {
  return computeAqi({ mode: 'daily', at: `${date}T00:00:00+08:00`, ...means });
}

/** 优良天数: a valid day whose daily AQI is 100 or less (优 or 良). */
export const isGoodDay = (aqi: number): boolean => aqi <= 100;
