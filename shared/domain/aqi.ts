import { AQI_CATEGORIES, BREAKPOINTS, HJ633_2026_EFFECTIVE, IAQI_LEVELS, type AqiColumn, type AqiStandard } from './aqi-breakpoints.js';
import { toDate, type Instant } from './time.js';

export type { AqiColumn, AqiStandard } from './aqi-breakpoints.js';

/** Pollutants that carry an IAQI, in the order of the HJ 633 table. */
export const POLLUTANTS = ['so2', 'no2', 'pm10', 'co', 'o3', 'pm25'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** Display labels of the pollutants. */
export const POLLUTANT_LABELS: Record<Pollutant, string> = { so2: 'SO₂', no2: 'NO₂', pm10: 'PM10', co: 'CO', o3: 'O₃', pm25: 'PM2.5' };

/** 日报 (daily report) or 实时报 (real-time report). */
export type AqiMode = 'daily' | 'realtime';

/** Concentrations by averaging period (μg/m³, CO mg/m³); `o3_8h` is the (daily max) 8h moving mean. */
export type AqiConcentrations = Partial<Record<'so2_1h' | 'so2_24h' | 'no2_1h' | 'no2_24h' | 'co_1h' | 'co_24h' | 'o3_1h' | 'o3_8h' | 'pm10_1h' | 'pm10_24h' | 'pm25_1h' | 'pm25_24h', number>>;
type ValueKey = keyof AqiConcentrations;

export interface AqiInput extends AqiConcentrations {
  mode: AqiMode;
  /** Observation time; selects the edition unless `standard` is given. */
  at: Instant;
  standard?: AqiStandard;
}

/** One AQI category with its display attributes. */
export interface AqiCategory {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  nameZh: string;
  nameEn: string;
  gradeZh: string;
  color: string;
}

export interface AqiResult {
  aqi: number;
  iaqi: Partial<Record<Pollutant, number>>;
  /** Pollutants whose IAQI equals the AQI; empty when the AQI is 50 or less. */
  primaryPollutants: Pollutant[];
  category: AqiCategory['level'];
  standard: AqiStandard;
  mode: AqiMode;
}

/** Which table column and which input value each pollutant is read from, per mode and edition. */
function sourceOf(mode: AqiMode, p: Pollutant, std: AqiStandard): { column: AqiColumn; key: ValueKey } {
  if (mode === 'daily') return p === 'o3' ? { column: 'o3_8h', key: 'o3_8h' } : { column: `${p}_24h`, key: `${p}_24h` };
  if (p === 'pm10' || p === 'pm25') {
    // Particles have no 1h column: 2026 reads the hourly value, 2012 the 24h moving mean.
    return { column: `${p}_24h`, key: std === 'HJ633-2026' ? `${p}_1h` : `${p}_24h` };
  }
  return { column: `${p}_1h`, key: `${p}_1h` };
}

/** Readings above the top of a short column: the 2026 fixed IAQI, or the 2012 substitute column. */
const OVER_TOP: Partial<Record<AqiColumn, { fixed2026: number; substitute2012: AqiColumn }>> = {
  so2_1h: { fixed2026: 200, substitute2012: 'so2_24h' },
  o3_8h: { fixed2026: 300, substitute2012: 'o3_1h' },
};

/** The HJ 633 edition for an observation time (2026 from 2026-03-01 00:00 China time). */
export function aqiStandardFor(at: Instant): AqiStandard {
  return toDate(at).getTime() >= HJ633_2026_EFFECTIVE.getTime() ? 'HJ633-2026' : 'HJ633-2012';
}

/** 进位取整, tolerant of floating error so that an exact integer stays itself. */
function ceilTolerant(x: number): number {
  return Math.ceil(x - 1e-9) + 0; // + 0 turns -0 (from ceil of a tiny negative) into 0
}

/**
 * IAQI of concentration `c` in one column by linear interpolation, rounded up; 500 above the
 * top breakpoint. Null for an unusable value, or above the top of SO2 1h / O3 8h, which the
 * standard does not grade (see `computeAqi`).
 */
export function iaqi(column: AqiColumn, c: number, standard: AqiStandard): number | null {
  if (!Number.isFinite(c) || c < 0) return null;
  const bp = BREAKPOINTS[standard][column];
  for (let i = 1; i < bp.length; i++) {
    const lo = bp[i - 1]!;
    const hi = bp[i]!;
    if (c <= hi) {
      const iLo = IAQI_LEVELS[i - 1]!;
      return ceilTolerant(((IAQI_LEVELS[i]! - iLo) * (c - lo)) / (hi - lo) + iLo);
    }
  }
  return bp.length === IAQI_LEVELS.length ? 500 : null;
}

function pollutantIaqi(input: AqiInput, p: Pollutant, std: AqiStandard): number | null {
  const { column, key } = sourceOf(input.mode, p, std);
  const c = input[key];
  if (c === undefined) return null;
  const value = iaqi(column, c, std);
  const over = OVER_TOP[column];
  if (value !== null || !over || !Number.isFinite(c) || c < 0) return value;
  if (std === 'HJ633-2026') return over.fixed2026;
  const sub = input[over.substitute2012];
  return sub === undefined ? null : iaqi(over.substitute2012, sub, std);
}

/**
 * AQI of one report (HJ 633): the max IAQI over the available pollutants, its primary
 * pollutants and category. Null when no pollutant can be assessed.
 */
export function computeAqi(input: AqiInput): AqiResult | null {
  const standard = input.standard ?? aqiStandardFor(input.at);
  const iaqiBy: Partial<Record<Pollutant, number>> = {};
  for (const p of POLLUTANTS) {
    const v = pollutantIaqi(input, p, standard);
    if (v !== null) iaqiBy[p] = v;
  }
  const values = Object.values(iaqiBy);
  if (values.length === 0) return null;
  const aqi = Math.max(...values);
  const primaryPollutants = aqi > 50 ? POLLUTANTS.filter((p) => iaqiBy[p] === aqi) : [];
  return { aqi, iaqi: iaqiBy, primaryPollutants, category: aqiCategory(aqi).level, standard, mode: input.mode };
}

/** Category of an AQI value: 0–50 优 … >300 严重污染. */
export function aqiCategory(aqi: number): AqiCategory {
  if (!Number.isFinite(aqi)) throw new RangeError(`invalid AQI: ${aqi}`);
  const { max: _max, ...category } = AQI_CATEGORIES.find((c) => aqi <= c.max) ?? AQI_CATEGORIES[5];
  return category;
}

/** Keys of the observation schema's `airValues`: bare names are 1h values, suffixed ones rolling means. */
const AIR_VALUE_KEYS: Record<string, ValueKey> = {
  so2: 'so2_1h',
  no2: 'no2_1h',
  pm10: 'pm10_1h',
  pm25: 'pm25_1h',
  co: 'co_1h',
  o3: 'o3_1h',
  so2_24h: 'so2_24h',
  no2_24h: 'no2_24h',
  co_24h: 'co_24h',
  pm10_24h: 'pm10_24h',
  pm25_24h: 'pm25_24h',
  o3_8h: 'o3_8h',
};

/** AQI of a reading in the observation schema's `airValues` shape (unknown keys are ignored). */
export function aqiFromAirValues(values: Readonly<Record<string, number | undefined>>, at: Instant, mode: AqiMode = 'realtime'): AqiResult | null {
  const input: AqiInput = { mode, at };
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined && Object.hasOwn(AIR_VALUE_KEYS, k)) input[AIR_VALUE_KEYS[k]!] = v;
  }
  return computeAqi(input);
}
