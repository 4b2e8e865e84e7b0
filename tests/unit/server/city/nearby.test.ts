import { describe, expect, it } from 'vitest';
import { createNearbyIndex, haversineM } from '../../../../server/src/city/nearby.js';
import type { Camera, Resource } from '../../../../shared/schemas/city-pack.js';

const centre = { lon: 111.98, lat: 21.86 };
/** A point `m` metres due north or east of the centre. */
const north = (m: number) => ({ lon: centre.lon, lat: centre.lat + m / 111_195 });
const east = (m: number) => ({ lon: centre.lon + m / (111_195 * Math.cos((centre.lat * Math.PI) / 180)), lat: centre.lat });

const resource = (id: string, location: { lon: number; lat: number }, district = '441702'): Resource => ({ id, type: 'shelter', name: id, location, district });
const camera = (id: string, location: { lon: number; lat: number }, district = '441702'): Camera => ({ id, name: id, location, district });

describe('haversineM', () => {
  it('measures a degree of latitude and a known city distance', () => {
    expect(haversineM({ lon: 0, lat: 0 }, { lon: 0, lat: 1 })).toBeCloseTo(111_195, -1);
    expect(haversineM(centre, centre)).toBe(0);
  });
});

describe('createNearbyIndex', () => {
  const index = createNearbyIndex({
    resources: [resource('r-900n', north(900)), resource('r-1100e', east(1100)), resource('r-other', north(200), '441781')],
    cameras: [camera('c-300e', east(300)), camera('c-2000n', north(2000))],
  });

  it('returns what lies within the radius, nearest first, with distances in metres', () => {
    const items = index.search(centre, 1000, ['resources', 'cameras'], null);
    expect(items.map((i) => [i.id, i.distanceM])).toEqual([
      ['r-other', 200],
      ['c-300e', 300],
      ['r-900n', 900],
    ]);
    expect(items.find((i) => i.id === 'r-900n')).toMatchObject({ kind: 'resources', type: 'shelter' });
    expect(items.find((i) => i.id === 'c-300e')).not.toHaveProperty('type');
  });

  it('keeps the box corners out: a point inside the bounding box but beyond the radius is left out', () => {
    const corner = createNearbyIndex({ resources: [resource('corner', { lon: east(900).lon, lat: north(900).lat })], cameras: [] });
    expect(corner.search(centre, 1000, ['resources'], null)).toEqual([]);
    expect(corner.search(centre, 1300, ['resources'], null).map((i) => i.id)).toEqual(['corner']);
  });

  it('narrows by kind and by the reader’s districts', () => {
    expect(index.search(centre, 5000, ['cameras'], null).map((i) => i.id)).toEqual(['c-300e', 'c-2000n']);
    expect(index.search(centre, 5000, ['resources'], ['441702']).map((i) => i.id)).toEqual(['r-900n', 'r-1100e']);
    expect(index.search(centre, 5000, ['resources'], ['441781']).map((i) => i.id)).toEqual(['r-other']);
  });
});
