import type { Station } from '../../../../shared/schemas/city-pack.js';
import type { ObservationAssessment, ObservationInput } from '../../../../shared/schemas/observation.js';
import type { WarningLevel } from '../../../../shared/schemas/common.js';
import { aqiFromAirValues, aqiStandardFor } from '../../../../shared/domain/aqi.js';
import { assessWater, waterClassRank } from '../../../../shared/domain/water.js';
import { assessNoise } from '../../../../shared/domain/noise.js';

/** The class a water section must meet when the pack names none (GB 3838 III: drinking-water source grade). */
export const DEFAULT_WATER_TARGET = 'III';

/**
 * Derives AQI / water class / noise exceedance for one reading against its station.
 * `means` are the moving means the product derived for an air reading (see `means.ts`): they
 * are read where the station sent none, and kept in the assessment, never in `values`.
 */
export function assess(o: ObservationInput, station: Station, means: Record<string, number> = {}): ObservationAssessment {
  if (o.kind === 'air') {
    const derived = Object.keys(means).length ? { means } : {};
    const r = aqiFromAirValues({ ...means, ...o.values }, o.observedAt, 'realtime');
    if (!r) return { breach: false, standard: aqiStandardFor(o.observedAt), ...derived };
    return { aqi: r.aqi, category: r.category, primaryPollutants: r.primaryPollutants, standard: r.standard, ...derived, breach: r.category >= 3 };
  }
  if (o.kind === 'water') {
    // The pack loader refuses a water section without its body, so this never falls back silently.
    if (!station.waterBody) throw new Error(`water section ${station.id} has no waterBody`);
    const r = assessWater(o.values, station.waterBody);
    if (!r) return { breach: false };
    const target = station.targetClass ?? DEFAULT_WATER_TARGET;
    const breach = waterClassRank(r.waterClass) > waterClassRank(target);
    return r.tnClass ? { waterClass: r.waterClass, tnClass: r.tnClass, breach } : { waterClass: r.waterClass, breach };
  }
  const r = assessNoise(o.values.leq, station.zone ?? '2', o.observedAt);
  return { noiseLimit: r.limit, noiseExceedance: r.exceedance, breach: r.exceeds };
}

/**
 * The warning level a breach raises — the product's own rule: air by AQI category
 * (轻度 blue, 中度 yellow, 重度 orange, 严重 red); water below target blue, 劣V yellow;
 * noise above its limit blue, 10 dB(A) or more above yellow.
 */
export function breachLevel(a: ObservationAssessment): WarningLevel | null {
  if (!a.breach) return null;
  if (a.category !== undefined) return (['blue', 'yellow', 'orange', 'red'] as const)[Math.min(a.category, 6) - 3] ?? null;
  if (a.waterClass !== undefined) return a.waterClass === '劣V' ? 'yellow' : 'blue';
  if (a.noiseExceedance !== undefined) return a.noiseExceedance >= 10 ? 'yellow' : 'blue';
  return null;
}
