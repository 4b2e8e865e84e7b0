import { describe, expect, it } from 'vitest';
import { aqiFromAirValues } from '../../../../shared/domain/aqi.js';
import { assessNoise } from '../../../../shared/domain/noise.js';
import { assessWater } from '../../../../shared/domain/water.js';
import { observationInput } from '../../../../shared/schemas/observation.js';
import type { AirValues, NoiseValues, WaterValues } from '../../../../shared/schemas/observation.js';
import { dueObservations, observationFor } from '../../../../mock-data/generators/observations.js';
import { CALM, type Weather } from '../../../../mock-data/generators/weather.js';
import { HOUR, localTime, MINUTE } from '../../../../mock-data/simulator/time.js';
import { fixtureCity } from './fixture-city.js';

const city = fixtureCity();
const calm = (): Weather => CALM;
const stationOf = (kind: 'air' | 'water' | 'noise') => city.stations.filter((s) => s.kind === kind);

/** Hourly readings of all stations of a kind over `days` from 1 November. */
function readings<T>(kind: 'air' | 'water' | 'noise', days: number, weather: (ms: number) => Weather = calm) {
  const out: Array<{ at: number; values: T }> = [];
  const start = localTime(2026, 11, 1);
  for (let t = start; t < start + days * 24 * HOUR; t += HOUR) {
    for (const s of stationOf(kind)) out.push({ at: t, values: observationFor(1, s, t, weather, false).values as T });
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const hourOf = (ms: number) => new Date(ms + 8 * HOUR).getUTCHours();

describe('sensor readings', () => {
  it('passes the observation schema for every kind', () => {
    const t = localTime(2026, 11, 1, 12);
    for (const s of city.stations) expect(observationInput.safeParse(observationFor(1, s, t, calm, false)).success).toBe(true);
  });

  it('keeps coastal air mostly 优/良 with at most occasional 轻度污染', () => {
    const air = readings<AirValues>('air', 30);
    const categories = air.map((r) => aqiFromAirValues(r.values, new Date(r.at))!.category);
    const goodOrModerate = categories.filter((c) => c <= 2).length / categories.length;
    expect(goodOrModerate).toBeGreaterThan(0.95);
    expect(Math.max(...categories)).toBeLessThanOrEqual(3);
  });

  it('has PM2.5 higher in the night and morning than the afternoon, O3 the other way round', () => {
    const air = readings<AirValues>('air', 20);
    const at = (hours: number[]) => air.filter((r) => hours.includes(hourOf(r.at)));
    const morning = at([5, 6, 7, 8]);
    const afternoon = at([14, 15, 16]);
    expect(mean(morning.map((r) => r.values.pm25!))).toBeGreaterThan(mean(afternoon.map((r) => r.values.pm25!)));
    expect(mean(afternoon.map((r) => r.values.o3!))).toBeGreaterThan(2 * mean(at([2, 3, 4]).map((r) => r.values.o3!)));
  });

  it('keeps surface water mostly class II–III with some IV', () => {
    const classes = readings<WaterValues>('water', 60).map((r) => assessWater(r.values, 'river')!.waterClass);
    const share = (c: string) => classes.filter((x) => x === c).length / classes.length;
    expect(share('II') + share('III')).toBeGreaterThan(0.6);
    expect(share('劣V')).toBe(0);
  });

  it('is quieter at night than by day, and within limits most of the time', () => {
    const noise = readings<NoiseValues>('noise', 7);
    const day = noise.filter((r) => hourOf(r.at) >= 8 && hourOf(r.at) < 20).map((r) => r.values.leq);
    const night = noise.filter((r) => hourOf(r.at) >= 0 && hourOf(r.at) < 5).map((r) => r.values.leq);
    expect(mean(night)).toBeLessThan(mean(day) - 5);
    const zones = new Map(stationOf('noise').map((s) => [s.id, s.zone!]));
    let exceed = 0;
    let n = 0;
    const start = localTime(2026, 11, 1);
    for (let t = start; t < start + 7 * 24 * HOUR; t += HOUR) {
      for (const s of stationOf('noise')) {
        const leq = (observationFor(1, s, t, calm, false).values as NoiseValues).leq;
        if (assessNoise(leq, zones.get(s.id)!, new Date(t)).exceeds) exceed++;
        n++;
      }
    }
    expect(exceed / n).toBeLessThan(0.3);
  });

  it('washes PM2.5 out in heavy rain', () => {
    const dry = readings<AirValues>('air', 5).map((r) => r.values.pm25!);
    const wet = readings<AirValues>('air', 5, () => ({ rain: 1, wind: 0.8 })).map((r) => r.values.pm25!);
    expect(mean(wet)).toBeLessThan(0.6 * mean(dry));
  });

  it('reports every station once per interval boundary', () => {
    const from = localTime(2026, 11, 1, 10);
    const due = dueObservations(1, city, from, from + HOUR, { air: 5, noise: 5, water: 60 }, calm, false);
    expect(due.filter((m) => m.channel === 'observation' && m.payload.kind === 'air')).toHaveLength(12 * 2);
    expect(due.filter((m) => m.channel === 'observation' && m.payload.kind === 'water')).toHaveLength(2);
    expect(due.every((m) => (m.at - from) % (5 * MINUTE) === 0)).toBe(true);
  });
});
