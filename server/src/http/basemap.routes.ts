import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Router } from 'express';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { DistrictCollection } from '../city/districts.schema.js';
import { basemapBounds, clipLand, type LandCollection } from '../city/basemap-land.js';
import { PMTILES_PATH } from '../../../shared/contracts/basemap.js';
import type { BasemapConfig } from '../basemap-config.js';

const require = createRequire(import.meta.url);

/** Natural Earth 1:10m land (world-atlas), converted from TopoJSON; ~0.3 s and tens of MB while it lasts. */
async function worldLand(): Promise<FeatureCollection<Polygon | MultiPolygon>> {
  const topology = JSON.parse(await readFile(require.resolve('world-atlas/land-10m.json'), 'utf8')) as Topology<{ land: GeometryCollection }>;
  return feature(topology, topology.objects.land) as FeatureCollection<Polygon | MultiPolygon>;
}

/**
 * `GET /basemap/land.geojson`: the land around the city for the map's offline style (public:
 * coastlines are no secret, and the login page may show the map): the pack's street-detail
 * `land.geojson` when it has one, else Natural Earth clipped on the first request (rather than
 * inside `createApp`, so starting a server does not pay for decoding the world).
 * `GET /basemap/tiles.pmtiles`: the configured PMTiles archive from the data folder, with
 * HTTP range requests (the browser reads the archive piece by piece).
 */
export function createBasemapRouter(deps: { districts: DistrictCollection; land?: LandCollection | null; basemap?: BasemapConfig; dataDir?: string }): Router {
  const r = Router();
  let body: Promise<string> | null = deps.land ? Promise.resolve(JSON.stringify(deps.land)) : null;
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
  const pmtiles = deps.basemap?.kind === 'pmtiles' && deps.basemap.file && deps.dataDir ? resolve(deps.dataDir, deps.basemap.file) : null;
  if (pmtiles) {
    r.get(PMTILES_PATH, (_req, res, next) => {
      res.sendFile(pmtiles, { maxAge: '1h', headers: { 'content-type': 'application/vnd.pmtiles' } }, (err) => err && next(err));
    });
  }
  return r;
}
