import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import { WARNING_LEVELS } from '../../../../shared/domain/warning.js';
import { alertDetails, alertFeatures, alertsLegend } from '../../../../client/src/map/layers/alerts.mapping.js';
import { alert, mapFormat, yangjiang } from './fixtures.js';

const city = yangjiang();
const districts = new Map(city.districts.features.map((f) => [f.properties.adcode, f.geometry]));
const lookup = (adcode: string) => districts.get(adcode);
const ring: [number, number][] = [
  [111.9, 21.8],
  [112.0, 21.8],
  [112.0, 21.9],
  [111.9, 21.9],
  [111.9, 21.8],
];

describe('alertFeatures', () => {
  it('draws CAP polygons and circles in the colour of the warning level, plus one marker', () => {
    const a = alert('a1', { level: 'orange', areas: [{ areaDesc: '沿海', polygons: [ring], circles: [{ lon: 111.8, lat: 21.7, radiusKm: 10 }], geocodes: [] }] });
    const features = alertFeatures(a, lookup);
    expect(features.map((f) => f.geometry.type)).toEqual(['Polygon', 'Polygon', 'Point']);
    for (const f of features) expect(f.properties).toMatchObject({ alertId: 'a1', level: 'orange', color: WARNING_LEVELS.orange.color, rank: 3 });
    expect(new Set(features.map((f) => f.properties.id)).size).toBe(3);
    expect((features[0]!.geometry as Polygon).coordinates).toEqual([ring]);
    // The marker sits at the circle's centre: a 1 km alert still shows on a city-wide map.
    expect(features[2]!.geometry).toEqual({ type: 'Point', coordinates: [111.8, 21.7] });
  });

  it('turns a circle into a 64-gon of the given radius around its centre', () => {
    const a = alert('a1', { areas: [{ areaDesc: 'x', polygons: [], circles: [{ lon: 111.8, lat: 21.7, radiusKm: 10 }], geocodes: [] }] });
    const circle = alertFeatures(a, lookup)[0]!.geometry as Polygon;
    expect(circle.coordinates[0]).toHaveLength(65);
    const [lon, lat] = circle.coordinates[0]![0]!;
    const km = Math.hypot((lon! - 111.8) * 111.32 * Math.cos((21.7 * Math.PI) / 180), (lat! - 21.7) * 110.57);
    expect(km).toBeGreaterThan(9.8);
    expect(km).toBeLessThan(10.2);
    expect(booleanPointInPolygon([111.8, 21.7], circle)).toBe(true);
  });

  it('falls back to the boundaries of the named districts for an area given by geocodes only', () => {
    const a = alert('a1', { level: 'red', districts: ['441702', '441704'], areas: [{ areaDesc: '江城区、阳东区', polygons: [], circles: [], geocodes: [{ valueName: 'adcode', value: '441702' }] }] });
    const features = alertFeatures(a, lookup);
    expect(features.slice(0, 2).map((f) => f.geometry)).toEqual([districts.get('441702'), districts.get('441704')]);
    expect(features.every((f) => f.properties.color === WARNING_LEVELS.red.color)).toBe(true);
  });
});

describe('alert details and legend', () => {
  it('shows headline, level, area and times', () => {
    const a = alert('a1', { level: 'red', headline: '阳江市气象台发布台风红色预警信号', areas: [{ areaDesc: '阳江市沿海', polygons: [], circles: [], geocodes: [] }] });
    const d = alertDetails(a, mapFormat('zh-CN'));
    expect(d.title).toBe('阳江市气象台发布台风红色预警信号');
    expect(d.color).toBe(WARNING_LEVELS.red.color);
    expect(d.fields).toEqual(
      expect.arrayContaining([
        { label: '预警级别', value: '红色预警', alert: true },
        { label: '影响区域', value: '阳江市沿海' },
      ]),
    );
    expect(
      alertsLegend(mapFormat('en'))
        .map((l) => [l.label, l.color])
        .slice(0, 4),
    ).toEqual([
      ['Red warning', WARNING_LEVELS.red.color],
      ['Orange warning', WARNING_LEVELS.orange.color],
      ['Yellow warning', WARNING_LEVELS.yellow.color],
      ['Blue warning', WARNING_LEVELS.blue.color],
    ]);
  });

  it('names the sender from the city pack and shows description and instructions (防御指南)', () => {
    const a = alert('a2', { sender: 'qxt-441700@gd.cma.gov.cn', senderName: null, description: '预计未来6小时内将出现大暴雨。', instruction: '停止集会、停课、停业。' });
    const zh = alertDetails(a, mapFormat('zh-CN')).fields;
    expect(zh).toEqual(
      expect.arrayContaining([
        { label: '发布单位', value: '阳江市气象台' },
        { label: '类型', value: '官方预警' },
        { label: '详情', value: '预计未来6小时内将出现大暴雨。', long: true },
        { label: '防御指南', value: '停止集会、停课、停业。', long: true },
      ]),
    );
    expect(alertDetails(a, mapFormat('en')).fields).toContainEqual({ label: 'Issued by', value: 'Yangjiang Meteorological Observatory' });
    // A sender the pack does not know: the CAP senderName, never only the id when a name was sent.
    expect(alertDetails(alert('a3', { sender: 'x@y', senderName: '某市气象台' }), mapFormat('zh-CN')).fields).toContainEqual({ label: '发布单位', value: '某市气象台' });
  });

  it("tells the city's own environment notices apart from official warnings: dashed kind, label and legend", () => {
    const n = alert('n1', { kind: 'notice', sender: 'city-cockpit/env', level: 'red', category: 'environment' });
    expect(alertFeatures(n, () => undefined).every((f) => f.properties.kind === 'notice')).toBe(true);
    const fields = alertDetails(n, mapFormat('zh-CN')).fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { label: '类型', value: '环境提示（本平台环境监测规则，非官方预警）' },
        { label: '预警级别', value: '红色环境提示', alert: false },
        { label: '发布单位', value: '阳江市城市运行平台·环境监测' },
      ]),
    );
    expect(
      alertsLegend(mapFormat('zh-CN'))
        .slice(4)
        .map((l) => [l.label, l.shape]),
    ).toEqual([
      ['官方预警（实线、实心标记）', 'line'],
      ['环境提示 · 本平台规则（虚线、空心标记）', 'ring'],
    ]);
  });
});
