import type { Polygon } from 'geojson';
import type { DistrictCollection } from './districts.schema.js';

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** One polygon part of a district, with its bbox for cheap rejection. */
export interface DistrictPart {
  adcode: string;
  bbox: BBox;
  polygon: Polygon;
}

/** A district with its parts (islands are separate parts). */
export interface IndexedDistrict {
  adcode: string;
  /** Seat of the district government, [lon, lat]. */
  center: [number, number];
  bbox: BBox;
  parts: DistrictPart[];
}

export function ringBBox(ring: ReadonlyArray<readonly number[]>): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ring) {
    const lon = p[0]!;
    const lat = p[1]!;
    if (lon < box[0]) box[0] = lon;
    if (lat < box[1]) box[1] = lat;
    if (lon > box[2]) box[2] = lon;
    if (lat > box[3]) box[3] = lat;
  }
  return box;
}

export const bboxContains = (b: BBox, lon: number, lat: number): boolean => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

export const bboxOverlaps = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Splits every district into polygon parts with bboxes, once, when the locator is made. */
export function indexDistricts(districts: DistrictCollection): IndexedDistrict[] {
  return districts.features.map((f) => {
    const { adcode, center } = f.properties;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const parts = polys.map((coordinates): DistrictPart => ({
      adcode,
      // The outer ring bounds the part; holes lie inside it.
      bbox: ringBBox(coordinates[0]!),
      polygon: { type: 'Polygon', coordinates },
    }));
    const bbox: BBox = [Math.min(...parts.map((p) => p.bbox[0])), Math.min(...parts.map((p) => p.bbox[1])), Math.max(...parts.map((p) => p.bbox[2])), Math.max(...parts.map((p) => p.bbox[3]))];
    return { adcode, center, bbox, parts };
  });
}
