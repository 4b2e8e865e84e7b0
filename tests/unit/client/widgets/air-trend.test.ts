import { describe, expect, it } from 'vitest';
import { AirTrend } from '../../../../client/src/widgets/PollutantTrend/air-trend.js';
import { pollutantUpdate } from '../../../../client/src/widgets/PollutantTrend/pollutant-option.js';
import type { AirTrendHour, HourlyStats } from '../../../../shared/contracts/stats.js';
import { airReading } from './fixtures.js';

const H = 3_600_000;
const AS_OF = Date.parse('2026-07-01T02:30:00Z');
const at = (min: number) => new Date(AS_OF + min * 60_000).toISOString();
const empty = (hour: number): AirTrendHour => ({ hour: new Date(hour * H).toISOString(), means: { pm25: null, pm10: null, o3: null, no2: null }, counts: { pm25: 0, pm10: 0, o3: 0, no2: 0 } });

function seeded(): AirTrend {
  const last = Math.floor(AS_OF / H);
  const hours = Array.from({ length: 24 }, (_, i) => empty(last - 23 + i));
  hours[23] = { ...hours[23]!, means: { pm25: 30, pm10: 60, o3: null, no2: 20 }, counts: { pm25: 2, pm10: 2, o3: 0, no2: 2 } };
  const t = new AirTrend();
  t.seed({ asOf: new Date(AS_OF).toISOString(), hours } satisfies HourlyStats<AirTrendHour>);
  return t;
}

describe('AirTrend: hourly city means seeded from the server, live readings merged in', () => {
  it('keeps the server means, null where no reading carried a pollutant', () => {
    const last = seeded().hours()[23]!;
    expect(last.means).toEqual({ pm25: 30, pm10: 60, o3: null, no2: 20 });
  });

  it('moves the mean of the reading hour by each new reading, weighted by the server count', () => {
    const t = seeded();
    expect(t.apply([airReading('s1', at(5), { pm25: 60, o3: 90 })], AS_OF + 6 * 60_000)).toBe(true);
    const m = t.hours()[23]!.means;
    expect(m.pm25).toBe(40); // (30 × 2 + 60) / 3
    expect(m.o3).toBe(90);
    expect(m.pm10).toBe(60);
  });

  it('counts a station reading once, and never one the server already counted', () => {
    const t = seeded();
    const r = airReading('s1', at(5), { pm25: 60 });
    t.apply([r], AS_OF + 6 * 60_000);
    t.apply([r], AS_OF + 7 * 60_000);
    t.apply([airReading('s2', at(-1), { pm25: 999 })], AS_OF + 7 * 60_000);
    expect(t.hours()[23]!.means.pm25).toBe(40);
  });

  it('ignores other kinds of reading', () => {
    const t = seeded();
    expect(t.apply([{ ...airReading('w1', at(5), { pm25: 500 }), kind: 'water' }], AS_OF + 6 * 60_000)).toBe(false);
  });

  it('opens a new hour when the clock passes it', () => {
    const t = seeded();
    t.apply([airReading('s1', at(40), { pm25: 12 })], AS_OF + 41 * 60_000);
    const h = t.hours();
    expect(h[22]!.means.pm25).toBe(30);
    expect(h[23]!.means).toEqual({ pm25: 12, pm10: null, o3: null, no2: null });
  });

  it('merges bounded arrays rounded to 0.1 μg/m³, one series per pollutant', () => {
    const t = seeded();
    t.apply([airReading('s1', at(5), { pm25: 31 })], AS_OF + 6 * 60_000);
    const u = pollutantUpdate(t.hours(), String) as { series: { id: string; data: (number | null)[] }[] };
    expect(u.series.map((s) => s.id)).toEqual(['pm25', 'pm10', 'o3', 'no2']);
    expect(u.series.every((s) => s.data.length === 24)).toBe(true);
    expect(u.series[0]!.data[23]).toBe(30.3);
    expect(u.series[2]!.data[23]).toBeNull();
  });
});
