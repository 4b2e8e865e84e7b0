import { HOUR } from '../simulator/time.js';
import { localParts } from '../simulator/time.js';
import { smoothNoise } from './noise-field.js';

/** Weather the generators react to, both in [0, 1]: 0 = dry and calm, 1 = typhoon landfall. */
export interface Weather {
  rain: number;
  wind: number;
}

export const CALM: Weather = { rain: 0, wind: 0.1 };

/**
 * Everyday weather for the normal scenario: showers come and go over a few hours, more
 * often in the rainy season (April–September in Guangdong). Deterministic per seed.
 */
export function everydayWeather(seed: number, ms: number): Weather {
  const { month } = localParts(ms);
  const threshold = month >= 4 && month <= 9 ? 0.62 : 0.85;
  const n = smoothNoise(`${seed}:rain`, ms, 3 * HOUR);
  const rain = n > threshold ? (n - threshold) / (1 - threshold) : 0;
  const wind = 0.05 + 0.25 * smoothNoise(`${seed}:wind`, ms, 6 * HOUR) + 0.2 * rain;
  return { rain, wind: Math.min(1, wind) };
}
