import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { AQI_CATEGORIES } from '../../../../shared/domain/aqi-breakpoints.js';
import { choroplethScale, classOf, colorFor, districtValues, metricValue } from '../../../../client/src/map/choropleth.js';
import { niceStep } from '../../../../client/src/model/aggregates/nice-step.js';
import { choroplethLegend, choroplethState, districtDetails, labelPoint } from '../../../../client/src/map/layers/districts.mapping.js';
import { COUNT_RAMP, RATE_RAMP } from '../../../../client/src/map/palette.js';
import { mapFormat, vitalSigns, yangjiang } from './fixtures.js';

describe('choropleth metric → value per district', () => {
  it("reads each metric from a district's vital signs and ignores the city-wide record", () => {
    const v = vitalSigns('441702', { today: 12, overdue: 3, closureRate: 0.8, aqi: 65 });
    expect([metricValue('cases', v), metricValue('overdue', v), metricValue('closureRate', v), metricValue('aqi', v)]).toEqual([12, 3, 0.8, 65]);
    const values = districtValues('cases', [vitalSigns('441700', { today: 99 }), v, vitalSigns('441704', { today: 4 })]);
    expect([...values]).toEqual([
      ['441702', 12],
      ['441704', 4],
    ]);
  });
});

describe('choropleth scale → colour step', () => {
  it('splits counts into five classes of a nice width up to the busiest district', () => {
    expect(niceStep(22.2)).toBe(50);
    expect(niceStep(3.4)).toBe(5);
    expect(niceStep(0)).toBe(1);
    const scale = choroplethScale('cases', [111, 50, 49, null]);
    expect(scale.breaks).toEqual([50, 100, 150, 200]);
    expect(scale.colors).toEqual(COUNT_RAMP);
    expect([0, 50, 51, 111, 250].map((v) => classOf(scale, v))).toEqual([0, 0, 1, 2, 4]);
    expect(colorFor(scale, 111)).toBe(COUNT_RAMP[2]);
    expect(colorFor(scale, null)).toBeNull();
  });

  it("keeps the closure rate and the AQI on fixed classes, the AQI's being the HJ 633 categories", () => {
    const rate = choroplethScale('closureRate', [0.1, 0.99]);
    expect([0.5, 0.7, 0.8, 0.95].map((v) => colorFor(rate, v))).toEqual([...RATE_RAMP]);
    const aqi = choroplethScale('aqi', [20]);
    expect([50, 51, 150, 201, 420].map((v) => colorFor(aqi, v))).toEqual([1, 2, 3, 5, 6].map((c) => AQI_CATEGORIES[c - 1]!.color));
  });

  it('colours every district of the city, leaving one without vital signs unfilled', () => {
    const adcodes = ['441702', '441704', '441721'];
    const state = choroplethState('overdue', adcodes, [vitalSigns('441702', { overdue: 9 }), vitalSigns('441704', { overdue: 0 })]);
    expect(state.scale.breaks).toEqual([2, 4, 6, 8]);
    expect(state.districts.get('441702')).toEqual({ value: 9, color: state.scale.colors[4] });
    expect(state.districts.get('441704')).toEqual({ value: 0, color: state.scale.colors[0] });
    expect(state.districts.get('441721')).toEqual({ value: null, color: null });
  });

  it('labels the legend classes by range, the AQI by category name', () => {
    const zh = mapFormat('zh-CN');
    expect(choroplethLegend(choroplethScale('cases', [111]), zh).map((l) => l.label)).toEqual(['≤ 50', '51 – 100', '101 – 150', '151 – 200', '> 200']);
    expect(choroplethLegend(choroplethScale('overdue', [3]), zh).map((l) => l.label)).toEqual(['≤ 1', '2', '3', '4', '> 4']);
    expect(choroplethLegend(choroplethScale('closureRate', []), mapFormat('en')).map((l) => l.label)).toEqual(['≤ 60%', '60% – 75%', '75% – 90%', '> 90%']);
    expect(choroplethLegend(choroplethScale('aqi', []), zh).map((l) => l.label)).toEqual(AQI_CATEGORIES.map((c) => c.nameZh));
  });
});

describe('districts', () => {
  const city = yangjiang();

  it('place names inside their district, apart even where two seats nearly touch', () => {
    const spots = city.districts.features.map((f) => {
      const seat = (f.properties as unknown as { center: [number, number] }).center;
      const at = labelPoint(f.geometry, seat);
      expect(booleanPointInPolygon(at, f.geometry)).toBe(true);
      return { adcode: f.properties.adcode, at };
    });
    const jiangcheng = spots.find((s) => s.adcode === '441702')!.at;
    const yangdong = spots.find((s) => s.adcode === '441704')!.at;
    // The seats of 江城区 and 阳东区 are 4 km apart; their labels must be much further.
    expect(Math.hypot(jiangcheng[0] - yangdong[0], jiangcheng[1] - yangdong[1])).toBeGreaterThan(0.15);
  });

  it('show their vital signs in the popup', () => {
    const d = districtDetails('441704', vitalSigns('441704', { today: 12, overdue: 2, closureRate: 0.83, aqi: 61 }), mapFormat('zh-CN'));
    expect(d.title).toBe('阳东区');
    expect(d.fields).toEqual([
      { label: '今日事件', value: '12' },
      { label: '未结事件', value: '3' },
      { label: '超期事件', value: '2', alert: true },
      { label: '结案率', value: '83%' },
      { label: '空气质量指数', value: '61' },
    ]);
  });
});
