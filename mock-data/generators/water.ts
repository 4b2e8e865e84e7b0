import type { Station } from '../../shared/schemas/city-pack.js';
import type { WaterValues } from '../../shared/schemas/observation.js';
import { hash01 } from '../simulator/rng.js';
import { HOUR, localParts } from '../simulator/time.js';
import type { WeatherAt } from './air.js';
import { smoothNoise } from './noise-field.js';

/**
 * GB 3838-2002 limits at the top of classes I–V, preceded by a "pristine" anchor (index 0),
 * so a continuous class position c in [0, 5] maps onto a concentration. DO is a minimum.
 */
const SCALE: Record<'do' | 'codmn' | 'nh3n' | 'tp' | 'tn', readonly number[]> = {
  do: [9, 7.5, 6, 5, 3, 2],
  codmn: [1, 2, 4, 6, 10, 15],
  nh3n: [0.05, 0.15, 0.5, 1.0, 1.5, 2.0],
  tp: [0.01, 0.02, 0.1, 0.2, 0.3, 0.4],
  tn: [0.1, 0.2, 0.5, 1.0, 1.5, 2.0],
};

const CLASS_POSITION: Record<string, number> = { I: 0.7, II: 1.6, III: 2.5, IV: 3.4, V: 4.4 };

/** Concentration at class position c (c = 2.5 is the middle of class III). */
export function valueAtClass(item: keyof typeof SCALE, c: number): number {
  const scale = SCALE[item];
  const clamped = Math.max(0, c);
  const k = Math.min(4, Math.floor(clamped));
  const f = clamped - k;
  const lo = scale[k]!;
  const hi = scale[k + 1]!;
  // Beyond class V the item keeps worsening at the class-V slope.
  return clamped > 5 ? Math.max(0.5, scale[5]! + (scale[5]! - scale[4]!) * (clamped - 5)) : lo + (hi - lo) * f;
}

/**
 * One reading of a surface-water section. Each section sits near the class it is managed
 * to (mostly II–III); about one section in five drifts into IV at times, and heavy rain
 * washes nutrients in. The worst item sets the class, as GB 3838 assesses it.
 */
export function waterReading(seed: number, station: Station, ms: number, weatherAt: WeatherAt): WaterValues {
  const { month, hour } = localParts(ms);
  const target = CLASS_POSITION[station.targetClass ?? 'III']!;
  const polluted = hash01(seed, station.id, 'polluted') < 0.2 ? 0.9 : 0;
  const drift = 0.9 * smoothNoise(`${seed}:${station.id}:water`, ms, 24 * HOUR) - 0.45;
  const rain = 0.8 * weatherAt(ms).rain;
  const c = target + polluted + drift + rain;
  const item = (name: keyof typeof SCALE): number => {
    // Items do not all sit at the section's worst level; each has its own offset.
    const offset = 0.9 * hash01(seed, station.id, name) + 0.15 * smoothNoise(`${seed}:${station.id}:${name}`, ms, 4 * HOUR);
    return valueAtClass(name, c - offset);
  };
  const temperature = 23 - 8 * Math.cos((2 * Math.PI * (month - 1.5)) / 12) + Math.sin((Math.PI * (hour - 9)) / 12);
  const round = (v: number, digits: number): number => Number(v.toFixed(digits));
  return {
    ph: round(7.1 + 0.8 * smoothNoise(`${seed}:${station.id}:ph`, ms, 12 * HOUR), 2),
    do: round(Math.min(item('do'), 14.4 - 0.23 * temperature), 2),
    codmn: round(item('codmn'), 2),
    nh3n: round(item('nh3n'), 3),
    tp: round(item('tp'), 3),
    tn: round(item('tn'), 2),
    temperature: round(temperature, 1),
    turbidity: round((8 + 25 * smoothNoise(`${seed}:${station.id}:turb`, ms, 8 * HOUR)) * (1 + 3 * weatherAt(ms).rain), 1),
  };
}
