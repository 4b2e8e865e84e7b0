import type { Polygon } from 'geojson';
import type { CaseCategory, Station } from '../../../../shared/schemas/city-pack.js';
import { prepareCity, type SimCity } from '../../../../mock-data/simulator/city.js';

/** An axis-aligned rectangle as a closed GeoJSON polygon. */
function box(minLon: number, minLat: number, maxLon: number, maxLat: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLon, minLat],
        [maxLon, minLat],
        [maxLon, maxLat],
        [minLon, maxLat],
        [minLon, minLat],
      ],
    ],
  };
}

const category = (code: string, name: string, nameEn: string, kind: CaseCategory['kind'], deadlineHours: number): CaseCategory => ({
  code,
  name,
  nameEn,
  kind,
  department: kind === 'facility' ? 'urban-management' : 'water',
  deadlineHours,
  clock: 'natural',
});

const station = (id: string, kind: Station['kind'], district: string, lon: number, lat: number, extra: Partial<Station> = {}): Station => ({
  id,
  kind,
  name: id,
  location: { lon, lat },
  district,
  ...extra,
});

/**
 * A small Yangjiang-like city built in memory (four rectangular districts with the real
 * adcodes), so generator tests do not depend on the generated city packs.
 */
export function fixtureCity(): SimCity {
  return prepareCity({
    manifest: {
      adcode: '441700',
      name: '阳江市',
      nameEn: 'Yangjiang',
      center: { lon: 111.9, lat: 21.9 },
      zoom: 9,
      population: 2_600_000,
      gridResolution: 10,
      districts: [
        { adcode: '441702', name: '江城区', center: { lon: 111.95, lat: 21.85 } },
        { adcode: '441704', name: '阳东区', center: { lon: 112.15, lat: 21.85 } },
        { adcode: '441721', name: '阳西县', center: { lon: 111.6, lat: 21.75 } },
        { adcode: '441781', name: '阳春市', center: { lon: 111.8, lat: 22.2 } },
      ],
    },
    boundaries: [
      { adcode: '441702', geometry: box(111.8, 21.55, 112.05, 22.0) },
      { adcode: '441704', geometry: box(112.05, 21.6, 112.35, 22.1) },
      { adcode: '441721', geometry: box(111.4, 21.45, 111.8, 21.95) },
      { adcode: '441781', geometry: box(111.4, 22.0, 112.05, 22.6) },
    ],
    stations: [
      station('A1', 'air', '441702', 111.95, 21.86),
      station('A2', 'air', '441781', 111.8, 22.2),
      station('W1', 'water', '441702', 111.9, 21.9, { targetClass: 'II' }),
      station('W2', 'water', '441704', 112.1, 21.9, { targetClass: 'III' }),
      station('N1', 'noise', '441702', 111.96, 21.85, { zone: '4a' }),
      station('N2', 'noise', '441721', 111.6, 21.75, { zone: '1' }),
    ],
    categories: [
      category('street_vending', '占道经营', 'Street vending', 'incident', 4),
      category('exposed_garbage', '暴露垃圾', 'Exposed garbage', 'incident', 4),
      category('illegal_parking', '车辆乱停放', 'Illegal parking', 'incident', 2),
      category('waterlogging', '积水内涝', 'Waterlogging', 'incident', 4),
      category('fallen_tree', '树木倒伏', 'Fallen tree', 'incident', 4),
      category('manhole_cover', '井盖破损', 'Damaged manhole cover', 'facility', 4),
      category('streetlight', '路灯故障', 'Streetlight out of order', 'facility', 48),
      category('road_damage', '道路破损', 'Road surface damage', 'facility', 72),
    ],
  });
}
