import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { basemapBounds, clipLand, landCollection, simplifyLand, simplifyRing } from '../../../../server/src/city/basemap-land.js';

const square = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const multi = (...polygons: Position[][][]): Feature<MultiPolygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygons } });

describe('basemapBounds', () => {
  it('grows the city box by a share of its larger span', () => {
    const city: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(110, 20, 114, 22)] } };
    expect(basemapBounds(city, 0.5, 1)).toEqual([108, 18, 116, 24]);
  });

  it('keeps at least the minimum margin around a small city', () => {
    const city: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(111, 21, 111.2, 21.1)] } };
    expect(basemapBounds(city, 0.75, 1)).toEqual([110, 20, 112.2, 22.1]);
  });
});

describe('clipLand', () => {
  const box: [number, number, number, number] = [0, 0, 10, 10];

  it('drops land outside the box and keeps what lies inside', () => {
    const out = clipLand(multi([square(20, 20, 30, 30)], [square(2, 2, 4, 4)]), box);
    expect(out.features).toHaveLength(1);
    expect(out.features[0]!.geometry.coordinates[0]).toEqual(square(2, 2, 4, 4));
    expect(out.bbox).toEqual(box);
  });

  it('cuts land that crosses the edge of the box at the edge', () => {
    const out = clipLand(multi([square(5, 5, 15, 8)]), box);
    const xs = out.features[0]!.geometry.coordinates[0]!.map((p) => p[0]!);
    expect(Math.max(...xs)).toBe(10);
    expect(Math.min(...xs)).toBe(5);
  });

  it('keeps a lake (hole) inside clipped land', () => {
    const out = clipLand(multi([square(-5, -5, 15, 15), square(3, 3, 6, 6)]), box);
    const rings = out.features[0]!.geometry.coordinates;
    expect(rings).toHaveLength(2);
    expect(rings[1]).toEqual(
      expect.arrayContaining([
        [3, 3],
        [6, 6],
      ]),
    );
  });

  it('takes a single polygon feature as well as a collection', () => {
    const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(1, 1, 2, 2)] } };
    expect(clipLand(poly, box).features).toHaveLength(1);
    expect(clipLand({ type: 'FeatureCollection', features: [poly] }, [50, 50, 60, 60]).features).toHaveLength(0);
  });
});

describe('simplifyRing', () => {
  it('drops points that lie within the tolerance of the line and keeps the corners', () => {
    const ring: Position[] = [
      [0, 0],
      [0.5, 0.00001],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyRing(ring, 0.0001)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('keeps a bay deeper than the tolerance', () => {
    const ring: Position[] = [
      [0, 0],
      [0.5, 0.2],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyRing(ring, 0.1)).toContainEqual([0.5, 0.2]);
  });

  it('rounds to about a metre and drops a ring that collapses', () => {
    expect(
      simplifyRing(
        [
          [0.123456789, 0],
          [1, 0],
          [1, 1],
          [0.123456789, 0],
        ],
        0,
      ),
    ).toEqual([
      [0.12346, 0],
      [1, 0],
      [1, 1],
      [0.12346, 0],
    ]);
    expect(
      simplifyRing(
        [
          [0, 0],
          [0.000001, 0],
          [0, 0.000001],
          [0, 0],
        ],
        0,
      ),
    ).toBeNull();
  });
});

describe('simplifyLand', () => {
  it('drops a polygon whose outer ring collapses and keeps the rest valid for land.geojson', () => {
    const land = clipLand(multi([square(2, 2, 4, 4)], [square(5, 5, 5.000001, 5.000001)]), [0, 0, 10, 10]);
    const out = simplifyLand(land, 0.00005);
    expect(out.features).toHaveLength(1);
    expect(landCollection.safeParse(out).success).toBe(true);
  });
});
