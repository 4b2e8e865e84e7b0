import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { LonLat } from '../../shared/schemas/common.js';
import type { DistrictFeature } from './boundaries.js';
import type { Rng } from './prng.js';

/** A district ready for sampling: its feature and the bbox of its largest part. */
export interface DistrictShape {
  adcode: string;
  name: string;
  seat: [number, number];
  feature: DistrictFeature;
  /** [minLon, minLat, maxLon, maxLat] of the whole district. */
  bbox: [number, number, number, number];
}

export function toShape(feature: DistrictFeature): DistrictShape {
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const poly of polys) {
    for (const [lon, lat] of poly[0] ?? []) {
      bbox[0] = Math.min(bbox[0], lon!);
      bbox[1] = Math.min(bbox[1], lat!);
      bbox[2] = Math.max(bbox[2], lon!);
      bbox[3] = Math.max(bbox[3], lat!);
    }
  }
  const { adcode, name, center } = feature.properties;
  return { adcode, name, seat: center, feature, bbox };
}

export function contains(shape: DistrictShape, lon: number, lat: number): boolean {
  const [w, s, e, n] = shape.bbox;
  if (lon < w || lon > e || lat < s || lat > n) return false;
  // Boundary points are excluded so a generated point never sits on a shared border.
  return booleanPointInPolygon([lon, lat], shape.feature, { ignoreBoundary: true });
}

const KM_PER_DEG_LAT = 110.574;
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * A point inside the district, normally distributed around `anchor` (σ in km). When the
 * anchor sits at the edge (a coastal town, a river mouth) the spread widens step by step, so
 * the point stays as near the anchor as the polygon allows; the last resort is uniform
 * sampling over the district bbox.
 */
export function sampleNear(shape: DistrictShape, rng: Rng, anchor: readonly [number, number], sigmaKm: number): LonLat {
  const kmPerDegLon = 111.32 * Math.cos((anchor[1] * Math.PI) / 180);
  for (let round = 0; round < 7; round++) {
    const sigma = sigmaKm * 2 ** round;
    for (let i = 0; i < 40; i++) {
      const lon = round6(anchor[0] + (rng.normal() * sigma) / kmPerDegLon);
      const lat = round6(anchor[1] + (rng.normal() * sigma) / KM_PER_DEG_LAT);
      if (contains(shape, lon, lat)) return { lon, lat };
    }
  }
  return sampleUniform(shape, rng);
}

/** A point uniformly distributed over the district (rejection sampling in its bbox). */
export function sampleUniform(shape: DistrictShape, rng: Rng): LonLat {
  const [w, s, e, n] = shape.bbox;
  for (let i = 0; i < 10_000; i++) {
    const lon = round6(w + rng.next() * (e - w));
    const lat = round6(s + rng.next() * (n - s));
    if (contains(shape, lon, lat)) return { lon, lat };
  }
  throw new Error(`could not sample a point inside district ${shape.adcode}`);
}
