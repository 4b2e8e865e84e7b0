import { NOISE_LIMITS, type NoiseZone } from '../../shared/domain/noise.js';
import type { Station } from '../../shared/schemas/city-pack.js';
import type { NoiseValues } from '../../shared/schemas/observation.js';
import { hash01 } from '../simulator/rng.js';
import { HOUR, localParts } from '../simulator/time.js';
import type { WeatherAt } from './air.js';
import { smoothNoise } from './noise-field.js';

/**
 * How far under its GB 3096 limit (shared `NOISE_LIMITS`) a typical point of each zone reads,
 * dB as [day, night]: quiet zones stay within the limits, while traffic-side points (4a) sit
 * at the night limit and so often exceed it, as they do in real cities.
 */
const MARGIN: Record<NoiseZone, readonly [day: number, night: number]> = { '0': [4, 3], '1': [3.5, 2.5], '2': [4, 3], '3': [4.5, 3.5], '4a': [4.5, 0], '4b': [4, 2.5] };

/** Typical day and night Leq of a zone. */
function typicalLevels(zone: NoiseZone): { day: number; night: number } {
  const limit = NOISE_LIMITS[zone];
  const [day, night] = MARGIN[zone];
  return { day: limit.day - day, night: limit.night - night };
}

/** One Leq reading of a noise point: zone level by day or night, rush hours, wind. */
export function noiseReading(seed: number, station: Station, ms: number, weatherAt: WeatherAt): NoiseValues {
  const { hour } = localParts(ms);
  const typical = typicalLevels(station.zone ?? '2');
  // Ease over an hour at 06:00 and 22:00 rather than jumping.
  const dayShare = Math.min(1, Math.max(0, hour - 5.5), Math.max(0, 22.5 - hour));
  const base = typical.night + (typical.day - typical.night) * dayShare;
  const rush = 1.8 * Math.exp(-(((hour - 8) / 1.2) ** 2)) + 1.5 * Math.exp(-(((hour - 18) / 1.5) ** 2));
  const site = 3 * (hash01(seed, station.id, 'noise') - 0.5);
  const wander = 4 * (smoothNoise(`${seed}:${station.id}:leq`, ms, 2 * HOUR) - 0.5);
  const jitter = 1.5 * (hash01(seed, station.id, ms, 'leq') - 0.5);
  const wind = 8 * weatherAt(ms).wind ** 2;
  return { leq: Math.round((base + rush + site + wander + jitter + wind) * 10) / 10 };
}
