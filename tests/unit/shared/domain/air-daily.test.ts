import { describe, expect, it } from 'vitest';
import { airDayMeans, areaDayMeans, dailyAqi, type AirHour } from '../../../../shared/domain/air-daily.js';
import { computeAqi } from '../../../../shared/domain/aqi.js';

const hours = (n: number, values: Record<string, number>, first = 0): AirHour[] => Array.from({ length: n }, (_, k) => ({ hour: first + k, values }));

describe('daily concentrations of one station (GB 3095-2012 validity)', () => {
  it('a 24h mean needs 20 hourly values: 19 leave it out and the day does not count', () => {
    expect(airDayMeans(hours(19, { pm25: 40 }))).toEqual({ means: {}, counts: { pm25_24h: 19 }, valid: false });
    expect(airDayMeans(hours(20, { pm25: 40 }))).toEqual({ means: { pm25_24h: 40 }, counts: { pm25_24h: 20 }, valid: true });
  });

  it('a day counts only when every pollutant measured that day is valid', () => {
    const day = [...hours(24, { pm25: 40, no2: 20 }), ...hours(10, { so2: 5 }, 0)];
    const r = airDayMeans(day);
    expect(r.means).toEqual({ pm25_24h: 40, no2_24h: 20 });
    expect(r.counts.so2_24h).toBe(10);
    expect(r.valid).toBe(false);
    expect(airDayMeans([]).valid).toBe(false);
  });

  it('O3: the highest 8h moving mean ending 07:00…23:00, each from ≥ 6 hours, with ≥ 14 valid windows', () => {
    // Hours 0..18: windows ending 7..18 are full, 19 has 7 hours, 20 has 6, 21 only 5 → 14 valid.
    const fourteen = hours(19, { o3: 100 });
    expect(airDayMeans(fourteen)).toMatchObject({ means: { o3_8h: 100 }, counts: { o3_8h: 14 }, valid: true });
    // Hours 0..17: one window fewer → 13, not enough for a daily maximum.
    expect(airDayMeans(hours(18, { o3: 100 }))).toMatchObject({ means: {}, counts: { o3_8h: 13 }, valid: false });
    // The maximum window: O3 equal to the hour, so the window ending at 23 (16..23) is highest.
    const rising = Array.from({ length: 24 }, (_, h) => ({ hour: h, values: { o3: h } }));
    expect(airDayMeans(rising).means.o3_8h).toBe((16 + 23) / 2);
  });

  it('several readings in one hour count as that hour once', () => {
    const r = airDayMeans([...hours(20, { pm25: 10 }), { hour: 0, values: { pm25: 30 } }]);
    expect(r.counts.pm25_24h).toBe(20);
    expect(r.means.pm25_24h).toBeCloseTo((20 + 19 * 10) / 20, 9);
  });
});

describe('daily AQI of a station and of an area', () => {
  it('reads the daily report by the edition of the date', () => {
    expect(dailyAqi('2025-06-01', { pm25_24h: 62.5 })).toMatchObject({ aqi: 85, standard: 'HJ633-2012', primaryPollutants: ['pm25'] });
    expect(dailyAqi('2026-06-01', { pm25_24h: 75 })).toMatchObject({ aqi: 114, standard: 'HJ633-2026' });
    expect(dailyAqi('2026-06-01', { o3_8h: 120, pm25_24h: 10 })).toMatchObject({ aqi: 67, primaryPollutants: ['o3'] });
  });

  it('a city concentration is the mean over its valid stations, and its AQI is computed from it, not averaged from station AQIs', () => {
    const a = airDayMeans(hours(24, { pm25: 30 }));
    const b = airDayMeans(hours(24, { pm25: 90 }));
    const invalid = airDayMeans(hours(19, { pm25: 500 }));
    const city = areaDayMeans([a, b, invalid])!;
    expect(city).toEqual({ pm25_24h: 60 });
    expect(dailyAqi('2026-06-01', city)!.aqi).toBe(100);
    const stationAqis = [a, b].map((s) => computeAqi({ mode: 'daily', at: '2026-06-01T00:00:00+08:00', ...s.means })!.aqi);
    expect(stationAqis).toEqual([43, 128]);
    expect((stationAqis[0]! + stationAqis[1]!) / 2).not.toBe(100);
    expect(areaDayMeans([invalid])).toBeNull();
  });
});
