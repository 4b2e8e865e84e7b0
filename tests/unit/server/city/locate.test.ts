import { getResolution, isValidCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityPack } from '../../../../server/src/city/city-pack.js';
import { createLocator, type Locator } from '../../../../server/src/city/locate.js';
import type { DistrictCollection } from '../../../../server/src/city/districts.schema.js';
import type { CityManifest } from '../../../../shared/schemas/city-pack.js';

const JIANGCHENG = '441702';
const YANGDONG = '441704';
const YANGXI = '441721';
const YANGCHUN = '441781';

/** Closed square ring around a point, half-size in degrees. */
const square = (lon: number, lat: number, h: number): Array<[number, number]> => [
  [lon - h, lat - h],
  [lon + h, lat - h],
  [lon + h, lat + h],
  [lon - h, lat + h],
  [lon - h, lat - h],
];

describe('createLocator on the Yangjiang pack', () => {
  let locator: Locator;
  beforeAll(async () => {
    locator = createLocator(await loadCityPack('441700'));
  });

  it('puts the city centre in 江城区 (WGS84 boundaries)', () => {
    expect(locator.district({ lon: 111.98, lat: 21.86 })).toBe(JIANGCHENG);
  });

  it('puts 海陵岛 in 江城区, as the boundary data has it', () => {
    expect(locator.district({ lon: 111.83, lat: 21.62 })).toBe(JIANGCHENG);
    expect(locator.district({ lon: 111.825, lat: 21.587 })).toBe(JIANGCHENG); // 闸坡
  });

  it('finds the other districts at their seats', () => {
    expect(locator.district({ lon: 112.015, lat: 21.87 })).toBe(YANGDONG);
    expect(locator.district({ lon: 111.617, lat: 21.753 })).toBe(YANGXI);
    expect(locator.district({ lon: 111.79, lat: 22.17 })).toBe(YANGCHUN);
  });

  it('returns null at sea and outside the city', () => {
    expect(locator.district({ lon: 111.9, lat: 21.4 })).toBeNull(); // South China Sea, south of 海陵岛
    expect(locator.district({ lon: 113.26, lat: 23.13 })).toBeNull(); // Guangzhou
  });

  it('gives the H3 cell at the pack resolution, shared by close points only', () => {
    const cell = locator.gridCell({ lon: 111.98, lat: 21.86 });
    expect(isValidCell(cell)).toBe(true);
    expect(getResolution(cell)).toBe(10);
    expect(locator.gridCell({ lon: 111.98001, lat: 21.86001 })).toBe(cell);
    expect(locator.gridCell({ lon: 111.99, lat: 21.86 })).not.toBe(cell);
  });

  describe('districtsForArea', () => {
    it("matches a district's own boundary to that district only, not to the neighbours sharing its edges", async () => {
      const pack = await loadCityPack('441700');
      for (const f of pack.districts.features) {
        const geometry = f.geometry as { type: string; coordinates: number[][][][] };
        // The largest part's outer ring, as an integrator would copy it into a CAP polygon.
        const ring = geometry.coordinates.map((poly) => poly[0]!).sort((a, b) => b.length - a.length)[0]! as Array<[number, number]>;
        expect(locator.districtsForArea({ polygons: [ring] }), f.properties.adcode).toEqual([f.properties.adcode]);
      }
    });

    it('matches a small polygon inside one district', () => {
      expect(locator.districtsForArea({ polygons: [square(111.617, 21.753, 0.01)] })).toEqual([YANGXI]);
    });

    it('matches every district a polygon straddles', () => {
      // Around the 江城/阳东 border east of the city centre.
      expect(locator.districtsForArea({ polygons: [square(112.0, 21.87, 0.03)] })).toEqual([JIANGCHENG, YANGDONG]);
    });

    it('matches all districts for a polygon enclosing the whole city', () => {
      expect(locator.districtsForArea({ polygons: [square(111.8, 22.1, 1)] })).toEqual([JIANGCHENG, YANGDONG, YANGXI, YANGCHUN]);
    });

    it('matches nothing for a polygon at sea', () => {
      expect(locator.districtsForArea({ polygons: [square(111.9, 21.3, 0.05)] })).toEqual([]);
    });

    it('matches circles by centre and by reach', () => {
      expect(locator.districtsForArea({ circles: [{ lon: 111.79, lat: 22.17, radiusKm: 2 }] })).toEqual([YANGCHUN]);
      // Centre at sea ~11 km south of 闸坡: only a radius reaching the island matches.
      expect(locator.districtsForArea({ circles: [{ lon: 111.83, lat: 21.48, radiusKm: 5 }] })).toEqual([]);
      expect(locator.districtsForArea({ circles: [{ lon: 111.83, lat: 21.48, radiusKm: 15 }] })).toContain(JIANGCHENG);
    });

    it('matches geocodes naming a district, the city or (by prefix) a street', () => {
      expect(locator.districtsForArea({ geocodes: [{ valueName: 'adcode', value: YANGXI }] })).toEqual([YANGXI]);
      expect(locator.districtsForArea({ geocodes: [{ valueName: 'adcode', value: '441700' }] })).toHaveLength(4);
      expect(locator.districtsForArea({ geocodes: [{ valueName: 'adcode', value: '441702001000' }] })).toEqual([JIANGCHENG]);
      expect(locator.districtsForArea({ geocodes: [{ valueName: 'adcode', value: '445202' }] })).toEqual([]);
      expect(locator.districtsForArea({ geocodes: [{ valueName: 'name', value: '阳江' }] })).toEqual([]);
    });

    it('unites polygons, circles and geocodes without duplicates, in pack order', () => {
      const area = {
        polygons: [square(111.79, 22.17, 0.01)],
        circles: [{ lon: 111.617, lat: 21.753, radiusKm: 1 }],
        geocodes: [
          { valueName: 'adcode', value: YANGCHUN },
          { valueName: 'adcode', value: JIANGCHENG },
        ],
      };
      expect(locator.districtsForArea(area)).toEqual([JIANGCHENG, YANGXI, YANGCHUN]);
    });
  });
});

describe('createLocator geometry', () => {
  // One square district 0..1 × 0..1 with a square hole 0.4..0.6.
  const manifest: CityManifest = {
    adcode: '990000',
    name: 'Test',
    nameEn: 'Test',
    center: { lon: 0.5, lat: 0.5 },
    zoom: 8,
    districts: [{ adcode: '990001', name: 'A', center: { lon: 0.2, lat: 0.2 } }],
    gridResolution: 9,
  };
  const districts: DistrictCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { adcode: '990001', name: 'A', center: [0.2, 0.2] },
        geometry: { type: 'Polygon', coordinates: [square(0.5, 0.5, 0.5), square(0.5, 0.5, 0.1)] },
      },
    ],
  };
  const locator = createLocator({ manifest, districts });

  it('respects holes and the pack resolution', () => {
    expect(locator.district({ lon: 0.2, lat: 0.2 })).toBe('990001');
    expect(locator.district({ lon: 0.5, lat: 0.5 })).toBeNull();
    expect(getResolution(locator.gridCell({ lon: 0.2, lat: 0.2 }))).toBe(9);
  });

  it('matches a polygon that only crosses the district, with no vertex inside either', () => {
    const band: Array<[number, number]> = [
      [-1, 0.2],
      [2, 0.2],
      [2, 0.3],
      [-1, 0.3],
      [-1, 0.2],
    ];
    expect(locator.districtsForArea({ polygons: [band] })).toEqual(['990001']);
  });

  it('does not match a polygon inside the hole', () => {
    expect(locator.districtsForArea({ polygons: [square(0.5, 0.5, 0.05)] })).toEqual([]);
  });

  it('matches a circle whose edge reaches a long boundary segment between vertices', () => {
    // Centre 0.05° (~5.6 km) left of the west edge's midpoint; the nearest vertex is ~28 km away.
    expect(locator.districtsForArea({ circles: [{ lon: -0.05, lat: 0.25, radiusKm: 6 }] })).toEqual(['990001']);
    expect(locator.districtsForArea({ circles: [{ lon: -0.05, lat: 0.25, radiusKm: 5 }] })).toEqual([]);
  });
});
