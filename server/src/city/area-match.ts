import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon, Position } from 'geojson';
import { type BBox, bboxContains, bboxOverlaps, type DistrictPart, type IndexedDistrict, ringBBox } from './district-index.js';

/** Orientation sign of the turn a → b → c. */
function turn(a: Position, b: Position, c: Position): number {
  const v = (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!)
  );
}

/** Whether segments ab and cd share a point (touching counts). */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const t1 = turn(a, b, c);
  const t2 = turn(a, b, d);
  const t3 = turn(c, d, a);
  const t4 = turn(c, d, b);
  if (t1 !== t2 && t3 !== t4) return true;
  return (t1 === 0 && onSegment(a, b, c)) || (t2 === 0 && onSegment(a, b, d)) || (t3 === 0 && onSegment(c, d, a)) || (t4 === 0 && onSegment(c, d, b));
}

function ringsCross(r1: Position[], r2: Position[]): boolean {
  for (let i = 1; i < r1.length; i++) {
    const a = r1[i - 1]!;
    const b = r1[i]!;
    const box: BBox = ringBBox([a, b]);
    for (let j = 1; j < r2.length; j++) {
      const c = r2[j - 1]!;
      const d = r2[j]!;
      if (bboxOverlaps(box, ringBBox([c, d])) && segmentsMeet(a, b, c, d)) return true;
    }
  }
  return false;
}

/**
 * Two polygons intersect iff an edge of one meets an edge of the other, or, with no
 * crossing at all, one lies inside the other, which shows in the first vertex of each ring.
 */
export function partIntersectsPolygon(part: DistrictPart, polygon: Polygon, polygonBBox: BBox): boolean {
  if (!bboxOverlaps(part.bbox, polygonBBox)) return false;
  const outer = polygon.coordinates[0]!;
  if (outer.some((p) => bboxContains(part.bbox, p[0]!, p[1]!) && booleanPointInPolygon(p, part.polygon))) return true;
  if (part.polygon.coordinates.some((ring) => booleanPointInPolygon(ring[0]!, polygon))) return true;
  return part.polygon.coordinates.some((ring) => polygon.coordinates.some((r) => ringsCross(ring, r)));
}

const KM_PER_DEG_LAT = 110.574;

/**
 * Whether a circle (centre, radius in km) meets a district part: its centre lies in the
 * part, or the part's boundary comes within the radius. Distances use a local
 * equirectangular projection around the centre, accurate to well under 1 % at city scale.
 */
export function partIntersectsCircle(part: DistrictPart, lon: number, lat: number, radiusKm: number): boolean {
  const kmPerDegLon = 111.32 * Math.cos((lat * Math.PI) / 180);
  const dLon = radiusKm / kmPerDegLon;
  const dLat = radiusKm / KM_PER_DEG_LAT;
  if (!bboxOverlaps(part.bbox, [lon - dLon, lat - dLat, lon + dLon, lat + dLat])) return false;
  if (bboxContains(part.bbox, lon, lat) && booleanPointInPolygon([lon, lat], part.polygon)) return true;
  const r2 = radiusKm * radiusKm;
  for (const ring of part.polygon.coordinates) {
    let px = (ring[0]![0]! - lon) * kmPerDegLon;
    let py = (ring[0]![1]! - lat) * KM_PER_DEG_LAT;
    for (let i = 1; i < ring.length; i++) {
      const qx = (ring[i]![0]! - lon) * kmPerDegLon;
      const qy = (ring[i]![1]! - lat) * KM_PER_DEG_LAT;
      // Squared distance from the origin (the centre) to segment pq.
      const ex = qx - px;
      const ey = qy - py;
      const len2 = ex * ex + ey * ey;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(px * ex + py * ey) / len2));
      const cx = px + t * ex;
      const cy = py + t * ey;
      if (cx * cx + cy * cy <= r2) return true;
      px = qx;
      py = qy;
    }
  }
  return false;
}

/** The districts whose boundary the polygon (rings of [lon, lat]) meets. */
export function districtsForPolygon(districts: IndexedDistrict[], rings: Position[][]): string[] {
  const polygon: Polygon = { type: 'Polygon', coordinates: rings };
  const box = ringBBox(rings[0] ?? []);
  return districts.filter((d) => d.parts.some((p) => partIntersectsPolygon(p, polygon, box))).map((d) => d.adcode);
}

/** The districts a circle meets. */
export function districtsForCircle(districts: IndexedDistrict[], lon: number, lat: number, radiusKm: number): string[] {
  return districts.filter((d) => d.parts.some((p) => partIntersectsCircle(p, lon, lat, radiusKm))).map((d) => d.adcode);
}
