import type { Station } from '../../shared/schemas/city-pack.js';
import type { ObservationInput } from '../../shared/schemas/observation.js';
import type { SimCity } from '../simulator/city.js';
import type { Outbound } from '../simulator/messages.js';
import { HOUR, MINUTE, toLocalIso } from '../simulator/time.js';
import { airReading, type WeatherAt } from './air.js';
import { noiseReading } from './noise.js';
import { waterReading } from './water.js';

/** Reporting interval per station kind, in simulated minutes. */
export type ObservationIntervals = Record<Station['kind'], number>;

/**
 * Air and noise every 5 simulated minutes (national stations publish hourly, but at
 * `--speed 1` an hourly tick would leave the screens still for an hour), water hourly.
 */
export const DEFAULT_INTERVALS: ObservationIntervals = { air: 5, noise: 5, water: 60 };

/** The reading of one station at one instant, as the observation ingest takes it. */
export function observationFor(seed: number, station: Station, ms: number, weatherAt: WeatherAt, exercise: boolean): ObservationInput {
  const common = { stationId: station.id, observedAt: toLocalIso(ms), ...(exercise ? { exercise: true } : {}) };
  switch (station.kind) {
    case 'air':
      return { kind: 'air', ...common, values: airReading(seed, station, ms, weatherAt) };
    case 'water':
      return { kind: 'water', ...common, values: waterReading(seed, station, ms, weatherAt) };
    case 'noise':
      return { kind: 'noise', ...common, values: noiseReading(seed, station, ms, weatherAt) };
  }
}

/** Interval boundaries (multiples of `stepMs` since the epoch) in [from, to). */
function boundaries(from: number, to: number, stepMs: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / stepMs) * stepMs; t < to; t += stepMs) out.push(t);
  return out;
}

/** Every reading due in [from, to), station by station in pack order. */
export function dueObservations(seed: number, city: SimCity, from: number, to: number, intervals: ObservationIntervals, weatherAt: WeatherAt, exercise: boolean): Outbound[] {
  const out: Outbound[] = [];
  for (const kind of ['air', 'water', 'noise'] as const) {
    const times = boundaries(from, to, intervals[kind] * MINUTE);
    if (times.length === 0) continue;
    const stations = city.stations.filter((s) => s.kind === kind);
    for (const t of times) {
      for (const s of stations) out.push({ channel: 'observation', at: t, payload: observationFor(seed, s, t, weatherAt, exercise) });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Hourly readings of every station over the `hours` before `end`, so trend charts start full. */
export function observationHistory(seed: number, city: SimCity, end: number, hours: number, weatherAt: WeatherAt, exercise: boolean): Outbound[] {
  const hourly: ObservationIntervals = { air: 60, water: 60, noise: 60 };
  return dueObservations(seed, city, end - hours * HOUR, end, hourly, weatherAt, exercise);
}
