import { describe, expect, it } from 'vitest';
import { AQI_CATEGORIES } from '../../../../shared/domain/aqi-breakpoints.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import { airDetails, airFeature, airLegend } from '../../../../client/src/map/layers/air.mapping.js';
import { waterDetails, waterFeature } from '../../../../client/src/map/layers/water.mapping.js';
import { NO_DATA_COLOR, WATER_CLASS_COLORS } from '../../../../client/src/map/palette.js';
import { mapFormat, observation, yangjiang } from './fixtures.js';

const city = yangjiang();
const air = city.stations.find((s) => s.kind === 'air')!;
const water: Station = { ...city.stations.find((s) => s.kind === 'water')!, targetClass: 'II' };

describe('air stations', () => {
  it('colour by the AQI category of the latest reading (shared HJ 633 palette) and write the AQI on the dot', () => {
    for (const [aqi, category] of [
      [42, 1],
      [88, 2],
      [135, 3],
      [180, 4],
      [260, 5],
      [420, 6],
    ] as const) {
      const f = airFeature(air, observation(air.id, 'air', { assessment: { aqi, category, breach: false } }));
      expect(f.properties.color).toBe(AQI_CATEGORIES[category - 1]!.color);
      expect(f.properties.label).toBe(String(aqi));
    }
  });

  it('stay grey and blank until the station reports', () => {
    const f = airFeature(air, undefined);
    expect(f.properties).toMatchObject({ id: air.id, color: NO_DATA_COLOR, label: '' });
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [air.location.lon, air.location.lat] });
  });

  it('pick ink that reads on the fill: dark on 良 yellow, light on 严重污染 maroon', () => {
    expect(airFeature(air, observation(air.id, 'air', { assessment: { aqi: 80, category: 2, breach: false } })).properties.ink).toBe('#08121f');
    expect(airFeature(air, observation(air.id, 'air', { assessment: { aqi: 400, category: 6, breach: false } })).properties.ink).toBe('#ffffff');
  });

  it('show the reading, AQI, category and primary pollutant in the popup', () => {
    const o = observation(air.id, 'air', { values: { pm25: 82, o3: 40 }, assessment: { aqi: 109, category: 3, primaryPollutants: ['pm25'], breach: true } });
    const zh = airDetails(air, o, mapFormat('zh-CN'));
    expect(zh.title).toBe(air.name);
    expect(zh.fields).toEqual(
      expect.arrayContaining([
        { label: 'AQI', value: '109' },
        { label: '空气质量', value: '轻度污染', alert: false },
        { label: '首要污染物', value: 'PM2.5' },
        { label: 'PM2.5', value: '82 μg/m³' },
      ]),
    );
    expect(airDetails(air, o, mapFormat('en')).fields).toContainEqual({ label: 'Air quality', value: 'Lightly polluted', alert: false });
    expect(airLegend(mapFormat('en')).map((l) => l.label)).toEqual(['Excellent', 'Good', 'Lightly polluted', 'Moderately polluted', 'Heavily polluted', 'Severely polluted', 'No data']);
  });
});

describe('water sections', () => {
  it('colour by GB 3838 class and write the class on the dot', () => {
    for (const c of ['I', 'II', 'III', 'IV', 'V', '劣V'] as const) {
      const f = waterFeature(water, observation(water.id, 'water', { assessment: { waterClass: c, breach: false } }));
      expect(f.properties).toMatchObject({ color: WATER_CLASS_COLORS[c], label: c });
    }
    expect(waterFeature(water, undefined).properties.color).toBe(NO_DATA_COLOR);
  });

  it('flag a section worse than its target class', () => {
    const o = observation(water.id, 'water', { values: { do: 4.2, nh3n: 1.3 }, assessment: { waterClass: 'IV', breach: true } });
    const d = waterDetails(water, o, mapFormat('zh-CN'));
    expect(d.fields).toEqual(
      expect.arrayContaining([
        { label: '水质类别', value: 'IV 类', alert: true },
        { label: '水质目标', value: 'II 类' },
        { label: 'NH₃-N', value: '1.3 mg/L' },
      ]),
    );
    expect(waterDetails(water, o, mapFormat('en')).fields).toContainEqual({ label: 'Water class', value: 'Class IV', alert: true });
  });

  it('show a lake or reservoir its TN class beside the water class, and a river no TN at all', () => {
    const lake: Station = { ...water, waterBody: 'reservoir' };
    const o = observation(water.id, 'water', { values: { do: 8, tp: 0.02, tn: 1.8 }, assessment: { waterClass: 'II', tnClass: 'V', breach: false } });
    expect(waterDetails(lake, o, mapFormat('zh-CN')).fields).toEqual(
      expect.arrayContaining([
        { label: '水体类型', value: '水库' },
        { label: '水质类别', value: 'II 类', alert: false },
        { label: '总氮类别（湖库，单独评价）', value: 'V 类' },
        { label: 'TN', value: '1.8 mg/L' },
      ]),
    );
    const river = waterDetails({ ...water, waterBody: 'river' }, o, mapFormat('en')).fields;
    expect(river).toContainEqual({ label: 'Water body', value: 'River' });
    expect(river.map((f) => f.label).filter((l) => /TN/.test(l))).toEqual([]);
  });
});
