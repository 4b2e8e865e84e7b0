import { loadSimCity } from './city-pack-loader.js';
import { observationFor } from '../generators/observations.js';
import { everydayWeather } from '../generators/weather.js';
import { aqiFromAirValues } from '../../shared/domain/aqi.js';
import { assessWater } from '../../shared/domain/water.js';
import { assessNoise } from '../../shared/domain/noise.js';
const city = loadSimCity('441700');
for (const month of [1, 4, 7, 10, 11]) {
  const cats: Record<string, number> = {}; const wc: Record<string, number> = {}; let nEx = 0, nN = 0; const prim: Record<string, number> = {};
  const start = Date.parse(`2026-${String(month).padStart(2,'0')}-01T00:00:00+08:00`);
  for (let h = 0; h < 24 * 30; h++) {
    const t = start + h * 3600e3;
    for (const s of city.stations) {
      const o = observationFor(1, s, t, (ms) => everydayWeather(1, ms), false);
      if (o.kind === 'air') { const r = aqiFromAirValues(o.values as any, new Date(t)); const c = String(r!.category); cats[c] = (cats[c] ?? 0) + 1; for (const p of r!.primaryPollutants) prim[p] = (prim[p]??0)+1; }
      if (o.kind === 'water') { const r = assessWater(o.values as any); wc[r!.waterClass] = (wc[r!.waterClass] ?? 0) + 1; }
      if (o.kind === 'noise') { nN++; if (assessNoise(o.values.leq, (s.zone ?? '2') as any, new Date(t)).exceeds) nEx++; }
    }
  }
  console.log(month, 'aqi', cats, prim, 'water', wc, 'noise exceed', (nEx / nN).toFixed(3));
}
