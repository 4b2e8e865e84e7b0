import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon, Position } from 'geojson';
import { type BBox, bboxContains, bboxOverlaps, type DistrictPart, type IndexedDistrict, ringBBox } from './district-index.js';

/** Orientation sign of the turn a → b → c. */
function turn(a: Position, b: Position, c: Position): number {
  const v = (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** Whether segments ab and cd cross properly: each splits the other (touching does not count). */
function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  return turn(a, b, c) * turn(a, b, d) < 0 && turn(c, d, a) * turn(c, d, b) < 0;
}

function ringsCross(r1: Position[], r2: Position[]): boolean {
  for (let i = 1; i < r1.length; i++) {
    const a = r1[i - 1]!;
    const b = r1[i]!;
    const box: BBox = ringBBox([a, b]);
    for (let j = 1; j < r2.length; j++) {
      const c = r2[j - 1]!;
      const d = r2[j]!;
      if (bboxOverlaps(box, ringBBox([c, d])) && segmentsCross(a, b, c, d)) return true;
    }
  }
  return false;
}

/** Strictly inside: a point on the boundary is not inside. */
const inside = (p: Position, polygon: Polygon) => booleanPointInPolygon(p, polygon, { ignoreBoundary: true });

const SAMPLE_STEPS = 12;

/** Points of a regular grid over the part's bbox that lie strictly inside the part. */
function interiorSamples(part: DistrictPart): Position[] {
  const [w, s, e, n] = part.bbox;
  const out: Position[] = [];
  for (let i = 0; i < SAMPLE_STEPS; i++) {
    for (let j = 0; j < SAMPLE_STEPS; j++) {
      const p = [w + ((i + 0.5) / SAMPLE_STEPS) * (e - w), s + ((j + 0.5) / SAMPLE_STEPS) * (n - s)];
      if (inside(p, part.polygon)) out.push(p);
    }
  }
  return out;
}

/**
 * Whether a polygon and a district part share interior — merely touching does not count, so
 * an area drawn along a district boundary does not spill into the neighbours that share it.
 * Interiors overlap when a vertex of one lies strictly inside the other, when edges cross
 * properly, or (for shapes that coincide along their edges) when interior points of the part
 * lie inside the polygon.
 */
export function partIntersectsPolygon(part: DistrictPart, polygon: Polygon, polygonBBox: BBox): boolean {
  if (!bboxOverlaps(part.bbox, polygonBBox)) return false;
  const outer = polygon.coordinates[0]!;
  if (outer.some((p) => bboxContains(part.bbox, p[0]!, p[1]!) && inside(p, part.polygon))) return true;
  if (part.polygon.coordinates.some((ring) => ring.some((p) => inside(p, polygon)))) return true;
  if (part.polygon.coordinates.some((ring) => polygon.coordinates.some((r) => ringsCross(ring, r)))) return true;
  return interiorSamples(part).some((p) => inside(p, polygon));
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
