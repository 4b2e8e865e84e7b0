import type { Station } from '../../shared/schemas/city-pack.js';
import type { NoiseValues } from '../../shared/schemas/observation.js';
import { hash01 } from '../simulator/rng.js';
import { HOUR, localParts } from '../simulator/time.js';
import type { WeatherAt } from './air.js';
import { smoothNoise } from './noise-field.js';

/**
 * Typical day/night Leq by GB 3096 functional zone, a few dB under the limits (day
 * 50/55/60/65/70/70, night 40/45/50/55/55/60): quiet zones stay within them, while
 * traffic-side points (4a) often exceed the night limit, as they do in real cities.
 */
const TYPICAL: Record<NonNullable<Station['zone']>, { day: number; night: number }> = {
  '0': { day: 46, night: 37 },
  '1': { day: 51.5, night: 42.5 },
  '2': { day: 56, night: 47 },
  '3': { day: 60.5, night: 51.5 },
  '4a': { day: 65.5, night: 55 },
  '4b': { day: 66, night: 57.5 },
};

/** GB 3096 day time: 06:00–22:00. */
export function isDaytime(ms: number): boolean {
  const { hour } = localParts(ms);
  return hour >= 6 && hour < 22;
}

/** One Leq reading of a noise point: zone level by day or night, rush hours, wind. */
export function noiseReading(seed: number, station: Station, ms: number, weatherAt: WeatherAt): NoiseValues {
  const { hour } = localParts(ms);
  const typical = TYPICAL[station.zone ?? '2'];
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
