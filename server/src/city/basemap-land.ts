import bboxClip from '@turf/bbox-clip';
import turfBbox from '@turf/bbox';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** Land around a city: clipped Natural Earth polygons, and the box they were clipped to. */
export type LandCollection = FeatureCollection<Polygon, Record<string, never>> & { bbox: BBox };

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
