import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Router } from 'express';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { DistrictCollection } from '../city/districts.schema.js';
import { basemapBounds, clipLand } from '../city/basemap-land.js';

const require = createRequire(import.meta.url);

/** Natural Earth 1:10m land (world-atlas), converted from TopoJSON; ~0.3 s and tens of MB while it lasts. */
async function worldLand(): Promise<FeatureCollection<Polygon | MultiPolygon>> {
  const topology = JSON.parse(await readFile(require.resolve('world-atlas/land-10m.json'), 'utf8')) as Topology<{ land: GeometryCollection }>;
  return feature(topology, topology.objects.land) as FeatureCollection<Polygon | MultiPolygon>;
}

/**
 * `GET /basemap/land.geojson`: the land around the city for the map's offline style (public:
 * coastlines are no secret, and the login page may show the map). Built once, on the first
 * request rather than inside `createApp`, so that starting a server (every integration test
 * does) does not pay for decoding the world; the world data is dropped once clipped.
 */
export function createBasemapRouter(deps: { districts: DistrictCollection }): Router {
  const r = Router();
  let body: Promise<string> | null = null;
  const build = () =>
    (body ??= worldLand().then(
      (land) => JSON.stringify(clipLand(land, basemapBounds(deps.districts))),
      (err: unknown) => {
        body = null;
        throw err;
      },
    ));
  r.get('/basemap/land.geojson', async (_req, res) => {
    const json = await build();
    // The land of a running server never changes; the ETag lets a reloaded screen revalidate cheaply.
    res.set('cache-control', 'public, max-age=86400').type('application/geo+json').send(json);
  });
  return r;
}
