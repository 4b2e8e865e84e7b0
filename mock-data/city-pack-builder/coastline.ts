import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { basemapBounds, clipLand, simplifyLand, type LandCollection } from '../../server/src/city/basemap-land.js';
import { gshhgLand } from './gshhg-land.js';

const require = createRequire(import.meta.url);

/** Simplification tolerance in degrees: about 5 m, under a pixel at street zoom (15). */
export const LAND_TOLERANCE = 0.00005;

/**
 * The world's land at street-map detail: `@geo-maps/countries-coastline-1m` (countries cut at
 * the OpenStreetMap coastline; about twice the vertices of Natural Earth 1:10m along the
 * Guangdong coast, and no coarse inland lakes as `countries-land-10m` has). About 100 MB of
 * JSON and 20 s to parse: read once per build, never by the server.
 */
export async function loadWorldCoastline(): Promise<FeatureCollection<Polygon | MultiPolygon>> {
  const file = require.resolve('@geo-maps/countries-coastline-1m/map.geo.json');
  return JSON.parse(await readFile(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
}

/**
 * The pack's `land.geojson`: land in the basemap box around the city, simplified — from GSHHG
 * at full resolution where GMT is installed (gshhg-land.ts: about ten times the detail), else
 * the world's land clipped to the box.
 */
export function cityLand(world: FeatureCollection<Polygon | MultiPolygon>, districts: FeatureCollection<Polygon | MultiPolygon>): LandCollection {
  const box = basemapBounds(districts);
  return simplifyLand(gshhgLand(box) ?? clipLand(world, box), LAND_TOLERANCE);
}
