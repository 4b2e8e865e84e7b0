import type { Camera, Resource } from '../../../shared/schemas/city-pack.js';
import { inDistricts } from '../../../shared/auth/districts.js';

/** The kinds of reference points a nearby search covers. */
export const NEARBY_KINDS = ['resources', 'cameras'] as const;
export type NearbyKind = (typeof NEARBY_KINDS)[number];

/** One emergency resource or camera near a point, with its distance in metres. */
export interface NearbyItem {
  kind: NearbyKind;
  id: string;
  name: string;
  /** The resource's type (rescue_team, shelter …); absent for cameras. */
  type?: string;
  lon: number;
  lat: number;
  distanceM: number;
}

interface Point {
  kind: NearbyKind;
  id: string;
  name: string;
  type?: string;
  lon: number;
  lat: number;
  district: string;
}

const EARTH_RADIUS_M = 6_371_008.8;
const M_PER_DEG_LAT = 111_320;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine; the city's scale makes the sphere exact enough). */
export function haversineM(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** First index in `points` (sorted by lat) whose lat is at least `lat`. */
function lowerBound(points: Point[], lat: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.lat < lat) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The city pack's resources and cameras indexed by latitude: a search reads only the band of
 * its bounding box (binary search), drops what lies outside the box's longitudes, and measures
 * the rest exactly. The reference data lives in the pack, not the database, so the index is
 * built once at start.
 */
export function createNearbyIndex(pack: { resources: Resource[]; cameras: Camera[] }) {
  const points: Point[] = [
    ...pack.resources.map((r) => ({ kind: 'resources' as const, id: r.id, name: r.name, type: r.type, lon: r.location.lon, lat: r.location.lat, district: r.district })),
    ...pack.cameras.map((c) => ({ kind: 'cameras' as const, id: c.id, name: c.name, lon: c.location.lon, lat: c.location.lat, district: c.district })),
  ].sort((a, b) => a.lat - b.lat);

  return {
    /** Items of `kinds` within `radiusM` of `at` and within `districts` (null: the whole city), nearest first. */
    search(at: { lon: number; lat: number }, radiusM: number, kinds: readonly NearbyKind[], districts: readonly string[] | null): NearbyItem[] {
      const dLat = radiusM / M_PER_DEG_LAT;
      const dLon = radiusM / (M_PER_DEG_LAT * Math.max(Math.cos(rad(at.lat)), 0.01));
      const out: NearbyItem[] = [];
      for (let i = lowerBound(points, at.lat - dLat); i < points.length && points[i]!.lat <= at.lat + dLat; i++) {
        const p = points[i]!;
        if (Math.abs(p.lon - at.lon) > dLon || !kinds.includes(p.kind) || !inDistricts(districts, [p.district])) continue;
        const d = haversineM(at, p);
        if (d > radiusM) continue;
        out.push({ kind: p.kind, id: p.id, name: p.name, ...(p.type ? { type: p.type } : {}), lon: p.lon, lat: p.lat, distanceM: Math.round(d) });
      }
      return out.sort((a, b) => a.distanceM - b.distanceM || a.id.localeCompare(b.id));
    },
  };
}
