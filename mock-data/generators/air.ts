import type { Station } from '../../shared/schemas/city-pack.js';
import type { AirValues } from '../../shared/schemas/observation.js';
import { hash01 } from '../simulator/rng.js';
import { HOUR, localParts } from '../simulator/time.js';
import { fractalNoise, smoothNoise } from './noise-field.js';
import type { Weather } from './weather.js';

export type WeatherAt = (ms: number) => Weather;

/** Particles are highest in winter (northerly transport), lowest in the wet summer monsoon. */
const PM_SEASON = [1.5, 1.4, 1.2, 1.05, 0.8, 0.65, 0.6, 0.65, 0.8, 1.0, 1.15, 1.4] as const;
/** Ozone peaks in the sunny, dry autumn of the Pearl River Delta region. */
const O3_SEASON = [0.7, 0.75, 0.9, 1.0, 1.05, 0.95, 0.9, 0.95, 1.15, 1.25, 1.05, 0.8] as const;

const gauss = (x: number, mu: number, sigma: number): number => Math.exp(-(((x - mu) / sigma) ** 2) / 2);
const round1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Smooth hourly PM2.5 (μg/m³) of a coastal city: mostly 优/良 (annual mean near 25),
 * higher at night and in the morning when the boundary layer is shallow, washed out by
 * rain, and pushed into 轻度污染 now and then by a regional episode.
 */
export function pm25At(seed: number, station: Station, ms: number, weatherAt: WeatherAt): number {
  const { month, hour } = localParts(ms);
  const diurnal = 1 + 0.28 * Math.cos((2 * Math.PI * (hour - 7.5)) / 24);
  const episode = 0.7 + 1.4 * smoothNoise(`${seed}:episode`, ms, 18 * HOUR) ** 3;
  const siteFactor = 0.85 + 0.35 * hash01(seed, station.id, 'pm');
  const local = 0.85 + 0.3 * smoothNoise(`${seed}:${station.id}:pm`, ms, 2 * HOUR);
  const washout = 1 - 0.65 * weatherAt(ms).rain;
  return 23 * PM_SEASON[month - 1]! * diurnal * episode * siteFactor * local * washout;
}

/** Smooth hourly O3 (μg/m³): photochemical, peaking mid-afternoon, low at night. */
export function o3At(seed: number, station: Station, ms: number, weatherAt: WeatherAt): number {
  const { month, hour } = localParts(ms);
  const sun = Math.max(0, Math.sin((Math.PI * (hour - 8)) / 13)) ** 1.6 * (hour >= 8 && hour <= 21 ? 1 : 0);
  const regional = 0.75 + 0.55 * fractalNoise(`${seed}:o3`, ms, 24 * HOUR);
  const site = 0.9 + 0.2 * hash01(seed, station.id, 'o3');
  return (18 + 125 * sun) * O3_SEASON[month - 1]! * regional * site * (1 - 0.55 * weatherAt(ms).rain);
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * One hourly reading of an air station. Rolling means (PM 24 h, O3 8 h) are computed from
 * the same smooth functions, so they agree with the hourly values sent before.
 */
export function airReading(seed: number, station: Station, ms: number, weatherAt: WeatherAt): AirValues {
  const { hour } = localParts(ms);
  const jitter = (what: string): number => 1 + 0.12 * (hash01(seed, station.id, ms, what) - 0.5);
  const pmRatio = 1.35 + 0.25 * hash01(seed, station.id, 'pm10');
  const hours = (n: number): number[] => Array.from({ length: n }, (_, k) => ms - k * HOUR);
  const pm25 = pm25At(seed, station, ms, weatherAt) * jitter('pm25');
  const pm25Day = mean(hours(24).map((t) => pm25At(seed, station, t, weatherAt)));
  const o3 = o3At(seed, station, ms, weatherAt) * jitter('o3');
  const o3Eight = mean(hours(8).map((t) => o3At(seed, station, t, weatherAt)));
  const urban = 0.7 + 0.6 * hash01(seed, station.id, 'urban');
  const traffic = gauss(hour, 8.5, 1.5) + 0.9 * gauss(hour, 18.5, 2);
  const no2 = (12 + 22 * traffic) * urban * (0.85 + 0.3 * smoothNoise(`${seed}:${station.id}:no2`, ms, 3 * HOUR));
  return {
    so2: Math.round(5 + 6 * hash01(seed, station.id, 'so2') + 3 * smoothNoise(`${seed}:${station.id}:so2`, ms, 6 * HOUR)),
    no2: Math.round(no2 * jitter('no2')),
    pm10: Math.round(pm25 * pmRatio),
    pm25: Math.round(pm25),
    co: Math.round((0.45 + 0.25 * (no2 / 40) + 0.1 * jitter('co')) * 100) / 100,
    o3: Math.round(o3),
    pm10_24h: round1(pm25Day * pmRatio),
    pm25_24h: round1(pm25Day),
    o3_8h: round1(o3Eight),
  };
}
