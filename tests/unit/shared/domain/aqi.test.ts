import { describe, expect, it } from 'vitest';
import { aqiCategory, aqiFromAirValues, aqiStandardFor, computeAqi, iaqi, type AqiColumn, type AqiStandard } from '../../../../shared/domain/aqi.js';

const IN_2026 = '2026-06-01T12:00:00+08:00';
const IN_2025 = '2025-06-01T12:00:00+08:00';
const LEVELS = [0, 50, 100, 150, 200, 300, 400, 500];

/** DOMAIN.md's IAQI table, written out independently of the source tables. */
function table(std: AqiStandard): Record<AqiColumn, number[]> {
  const y26 = std === 'HJ633-2026';
  return {
    so2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
    so2_1h: [0, 150, 500, 650, 800],
    no2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
    no2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
    pm10_24h: [0, 50, y26 ? 120 : 150, 250, 350, 420, 500, 600],
    co_24h: [0, 2, 4, 14, 24, 36, 48, 60],
    co_1h: [0, 5, 10, 35, 60, 90, 120, 150],
    o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
    o3_8h: [0, 100, 160, 215, 265, 800],
    pm25_24h: [0, 35, y26 ? 60 : 75, 115, 150, 250, 350, 500],
  };
}

describe('aqiStandardFor', () => {
  it('switches to HJ 633—2026 at 2026-03-01 00:00 China time', () => {
    expect(aqiStandardFor('2026-02-28T15:59:59.999Z')).toBe('HJ633-2012');
    expect(aqiStandardFor('2026-02-28T16:00:00Z')).toBe('HJ633-2026');
    expect(aqiStandardFor('2026-03-01T00:00:00+08:00')).toBe('HJ633-2026');
    expect(aqiStandardFor(new Date('2026-02-28T23:59:59+08:00'))).toBe('HJ633-2012');
    expect(aqiStandardFor('2026-03-01T00:00:00Z')).toBe('HJ633-2026');
  });
});

describe('iaqi', () => {
  for (const std of ['HJ633-2012', 'HJ633-2026'] as const) {
    const cols = table(std);
    for (const [col, bps] of Object.entries(cols) as [AqiColumn, number[]][]) {
      it(`${std} ${col}: every breakpoint gives its IAQI, just above rounds up`, () => {
        bps.forEach((bp, i) => expect(iaqi(col, bp, std), `C=${bp}`).toBe(LEVELS[i]));
        for (let i = 0; i < bps.length - 1; i++) {
          const above = bps[i]! + (bps[i + 1]! - bps[i]!) / 1000;
          expect(iaqi(col, above, std), `just above ${bps[i]}`).toBe(LEVELS[i]! + 1);
        }
      });
    }
  }

  it('gives 500 at and above the top of the full columns', () => {
    expect(iaqi('pm25_24h', 500, 'HJ633-2026')).toBe(500);
    expect(iaqi('pm25_24h', 500.1, 'HJ633-2026')).toBe(500);
    expect(iaqi('pm10_24h', 5000, 'HJ633-2012')).toBe(500);
    expect(iaqi('co_1h', 151, 'HJ633-2012')).toBe(500);
  });

  it('leaves SO2 1h and O3 8h above 800 ungraded (handled by computeAqi)', () => {
    expect(iaqi('so2_1h', 801, 'HJ633-2026')).toBeNull();
    expect(iaqi('o3_8h', 801, 'HJ633-2012')).toBeNull();
  });

  it('gives 0 for zero and ignores unusable values', () => {
    expect(iaqi('no2_1h', 0, 'HJ633-2026')).toBe(0);
    expect(iaqi('no2_1h', -1, 'HJ633-2026')).toBeNull();
    expect(iaqi('no2_1h', Number.NaN, 'HJ633-2026')).toBeNull();
  });

  it('rounds up, keeping exact integers (no floating creep)', () => {
    expect(iaqi('no2_1h', 350, 'HJ633-2026')).toBe(115);
    expect(iaqi('so2_24h', 100, 'HJ633-2026')).toBe(75);
    expect(iaqi('co_1h', 7.5, 'HJ633-2012')).toBe(75);
    expect(iaqi('pm25_24h', 36, 'HJ633-2012')).toBe(52); // 51.25 → 52
    // Each of these computes to an integer plus floating error (e.g. 55.00000000000001).
    expect(iaqi('co_24h', 2.2, 'HJ633-2026')).toBe(55);
    expect(iaqi('co_1h', 1.1, 'HJ633-2026')).toBe(11);
    expect(iaqi('no2_24h', 8.8, 'HJ633-2012')).toBe(11);
    expect(iaqi('o3_1h', 160.8, 'HJ633-2026')).toBe(51);
    expect(iaqi('o3_8h', 163.3, 'HJ633-2026')).toBe(103);
  });
});

describe('computeAqi — DOMAIN.md worked checks', () => {
  it('PM2.5 24h = 75: 114 in 2026, 100 in 2025', () => {
    expect(computeAqi({ mode: 'daily', at: '2026-06-01T12:00:00+08:00', pm25_24h: 75 })).toMatchObject({ aqi: 114, standard: 'HJ633-2026', category: 3, primaryPollutants: ['pm25'] });
    expect(computeAqi({ mode: 'daily', at: '2025-06-01T12:00:00+08:00', pm25_24h: 75 })).toMatchObject({ aqi: 100, standard: 'HJ633-2012', category: 2 });
  });

  it('PM10 24h = 150 in 2026 → 112', () => {
    expect(computeAqi({ mode: 'daily', at: IN_2026, pm10_24h: 150 })?.aqi).toBe(112);
  });

  it('NO2 1h = 350 → 115 in the real-time report', () => {
    expect(computeAqi({ mode: 'realtime', at: IN_2026, no2_1h: 350 })).toMatchObject({ aqi: 115, iaqi: { no2: 115 }, primaryPollutants: ['no2'] });
  });
});

describe('computeAqi — rules', () => {
  it('takes the max IAQI and names no primary pollutant at 50 or below', () => {
    const r = computeAqi({ mode: 'daily', at: IN_2026, so2_24h: 50, pm25_24h: 20 });
    expect(r).toMatchObject({ aqi: 50, category: 1, primaryPollutants: [] });
  });

  it('lists every pollutant tied at the AQI as primary', () => {
    const r = computeAqi({ mode: 'daily', at: IN_2026, pm10_24h: 120, pm25_24h: 60, no2_24h: 40 });
    expect(r?.aqi).toBe(100);
    expect(r?.primaryPollutants).toEqual(['pm10', 'pm25']);
  });

  it('returns null when no pollutant is available for the mode', () => {
    expect(computeAqi({ mode: 'daily', at: IN_2026 })).toBeNull();
    expect(computeAqi({ mode: 'daily', at: IN_2026, no2_1h: 100 })).toBeNull();
  });

  it('daily report reads 24h means and the 8h O3, not hourly values', () => {
    const r = computeAqi({ mode: 'daily', at: IN_2026, no2_1h: 3000, no2_24h: 80, o3_8h: 160, o3_1h: 1000 });
    expect(r?.iaqi).toEqual({ no2: 100, o3: 100 });
  });

  it('real-time report reads particles hourly under 2026 and as 24h moving means under 2012', () => {
    const values = { mode: 'realtime' as const, pm25_1h: 75, pm25_24h: 35 };
    expect(computeAqi({ ...values, at: IN_2026 })?.iaqi.pm25).toBe(114);
    expect(computeAqi({ ...values, at: IN_2025 })?.iaqi.pm25).toBe(50);
    expect(computeAqi({ mode: 'realtime', at: IN_2025, pm25_1h: 75 })).toBeNull();
  });

  it('SO2 1h above 800: 200 under 2026; the SO2 24h IAQI under 2012', () => {
    expect(computeAqi({ mode: 'realtime', at: IN_2026, so2_1h: 801, so2_24h: 100 })?.iaqi.so2).toBe(200);
    expect(computeAqi({ mode: 'realtime', at: IN_2025, so2_1h: 801, so2_24h: 100 })?.iaqi.so2).toBe(75);
    expect(computeAqi({ mode: 'realtime', at: IN_2025, so2_1h: 800, so2_24h: 100 })?.iaqi.so2).toBe(200);
    expect(computeAqi({ mode: 'realtime', at: IN_2025, so2_1h: 900 })).toBeNull();
  });

  it('O3 8h above 800: 300 under 2026; the O3 1h IAQI under 2012', () => {
    expect(computeAqi({ mode: 'daily', at: IN_2026, o3_8h: 850, o3_1h: 900 })?.iaqi.o3).toBe(300);
    expect(computeAqi({ mode: 'daily', at: IN_2025, o3_8h: 850, o3_1h: 900 })?.iaqi.o3).toBe(350);
    expect(computeAqi({ mode: 'daily', at: IN_2025, o3_8h: 800, o3_1h: 900 })?.iaqi.o3).toBe(300);
    expect(computeAqi({ mode: 'daily', at: IN_2025, o3_8h: 850 })).toBeNull();
  });

  it('lets an explicit standard override the date', () => {
    expect(computeAqi({ mode: 'daily', at: IN_2026, standard: 'HJ633-2012', pm25_24h: 75 })).toMatchObject({ aqi: 100, standard: 'HJ633-2012' });
  });

  it('caps at 500 above the top and reaches category 6', () => {
    expect(computeAqi({ mode: 'realtime', at: IN_2026, pm25_1h: 999 })).toMatchObject({ aqi: 500, category: 6 });
  });
});

describe('aqiCategory', () => {
  const cases: [number, number, string, string, string][] = [
    [0, 1, '优', '一级', '#00E400'],
    [50, 1, '优', '一级', '#00E400'],
    [51, 2, '良', '二级', '#FFFF00'],
    [100, 2, '良', '二级', '#FFFF00'],
    [101, 3, '轻度污染', '三级', '#FF7E00'],
    [150, 3, '轻度污染', '三级', '#FF7E00'],
    [151, 4, '中度污染', '四级', '#FF0000'],
    [200, 4, '中度污染', '四级', '#FF0000'],
    [201, 5, '重度污染', '五级', '#99004C'],
    [300, 5, '重度污染', '五级', '#99004C'],
    [301, 6, '严重污染', '六级', '#7E0023'],
    [500, 6, '严重污染', '六级', '#7E0023'],
  ];
  it.each(cases)('AQI %i → level %i %s %s %s', (aqi, level, nameZh, gradeZh, color) => {
    expect(aqiCategory(aqi)).toMatchObject({ level, nameZh, gradeZh, color });
  });

  it('has English names and rejects NaN', () => {
    expect(aqiCategory(120).nameEn).toBe('Lightly polluted');
    expect(() => aqiCategory(Number.NaN)).toThrow(RangeError);
  });
});

describe('aqiFromAirValues', () => {
  it('maps bare keys to 1h values and suffixed keys to rolling means (real-time by default)', () => {
    const r = aqiFromAirValues({ no2: 350, pm25: 75, pm25_24h: 20 }, IN_2026);
    expect(r).toMatchObject({ aqi: 115, mode: 'realtime', iaqi: { no2: 115, pm25: 114 } });
    expect(aqiFromAirValues({ no2: 350, pm25: 75, pm25_24h: 20 }, IN_2025)?.iaqi).toEqual({ no2: 115, pm25: 29 });
  });

  it('uses the 24h keys in daily mode, and the SO2 24h key for the 2012 SO2 rule', () => {
    expect(aqiFromAirValues({ so2_24h: 100, no2_24h: 80, co_24h: 4, o3_8h: 100, pm10_24h: 50 }, IN_2025, 'daily')?.iaqi).toEqual({ so2: 75, no2: 100, co: 100, o3: 50, pm10: 50 });
    expect(aqiFromAirValues({ so2: 1000, so2_24h: 150 }, IN_2025)?.iaqi.so2).toBe(100);
  });

  it('ignores unknown keys and returns null without pollutants', () => {
    expect(aqiFromAirValues({ temperature: 30 }, IN_2026)).toBeNull();
    expect(aqiFromAirValues({ constructor: 5 }, IN_2026)).toBeNull();
  });
});
