import bboxClip from '@turf/bbox-clip';
import turfBbox from '@turf/bbox';
import { z } from 'zod';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** Land around a city: clipped land polygons, and the box they were clipped to. */
export type LandCollection = FeatureCollection<Polygon, Record<string, never>> & { bbox: BBox };

const ring = z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(4);

/** A city pack's `land.geojson` (see {@link LandCollection}). */
export const landCollection = z.object({
  type: z.literal('FeatureCollection'),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({}).strict(),
      geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
    }),
  ),
}) as unknown as z.ZodType<LandCollection>;

/**
 * The box the basemap covers: the city's bounds grown on every side by `ratio` of its larger
 * span, at least `minDegrees`, so a leader can pan and zoom out a little and still see coast
 * instead of the edge of the data.
 */
export function basemapBounds(cityArea: Parameters<typeof turfBbox>[0], ratio = 0.75, minDegrees = 1): BBox {
  const [w, s, e, n] = turfBbox(cityArea);
  const margin = Math.max(minDegrees, ratio * Math.max(e - w, n - s));
  return [Math.max(-180, w - margin), Math.max(-85, s - margin), Math.min(180, e + margin), Math.min(85, n + margin)];
}

function ringBox(ring: Position[]): BBox {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const [x, y] of ring) {
    if (x! < w) w = x!;
    if (x! > e) e = x!;
    if (y! < s) s = y!;
    if (y! > n) n = y!;
  }
  return [w, s, e, n];
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/**
 * Clips land polygons to a box. Polygons whose outer ring lies outside the box are skipped
 * before clipping, because the world's land is thousands of polygons and only a handful touch
 * one city. (A hole lies inside its outer ring, so it cannot survive a clip that empties it.)
 */
export function clipLand(land: FeatureCollection<Polygon | MultiPolygon> | Feature<Polygon | MultiPolygon>, box: BBox): LandCollection {
  const features = land.type === 'FeatureCollection' ? land.features : [land];
  const polygons = features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
  const out: Feature<Polygon, Record<string, never>>[] = [];
  for (const rings of polygons) {
    if (!rings[0] || !overlaps(ringBox(rings[0]), box)) continue;
    const clipped = bboxClip({ type: 'Polygon', coordinates: rings }, box).geometry as Polygon;
    if (clipped.coordinates.length > 0) out.push({ type: 'Feature', properties: {}, geometry: clipped });
  }
  return { type: 'FeatureCollection', bbox: box, features: out };
}

/** Perpendicular distance in degrees from `p` to the segment `a`–`b` (flat: fine at city scale). */
function segmentDistance(p: Position, a: Position, b: Position): number {
  const [px, py] = [p[0]!, p[1]!];
  const [ax, ay, bx, by] = [a[0]!, a[1]!, b[0]!, b[1]!];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Douglas–Peucker on a closed ring with `tolerance` degrees, coordinates rounded to `digits`
 * decimals (5 ≈ 1 m); a ring that collapses below a triangle is dropped (returns null).
 */
export function simplifyRing(ring: Position[], tolerance: number, digits = 5): Position[] | null {
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let far = 0;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(ring[i]!, ring[from]!, ring[to]!);
      if (d > far) [far, worst] = [d, i];
    }
    if (worst > 0 && far > tolerance) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  const scale = 10 ** digits;
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    if (!keep[i]) continue;
    const p = [Math.round(ring[i]![0]! * scale) / scale, Math.round(ring[i]![1]! * scale) / scale];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}

/** Every polygon of `land` simplified with {@link simplifyRing}; polygons whose outer ring collapses are dropped. */
export function simplifyLand(land: LandCollection, tolerance: number): LandCollection {
  const features = land.features.flatMap((f) => {
    const [outer, ...holes] = f.geometry.coordinates.map((r) => simplifyRing(r, tolerance));
    if (!outer) return [];
    const rings = [outer, ...holes.filter((h): h is Position[] => h !== null)];
    return [{ ...f, geometry: { type: 'Polygon' as const, coordinates: rings } }];
  });
  return { ...land, features };
}
