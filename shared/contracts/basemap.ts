/**
 * The basemap the maps draw under the live layers (docs/OPERATIONS.md "The city's own
 * basemap"), as `GET /api/v1/city` hands it to the client:
 * - `builtin`: the offline land and sea our server serves (the default);
 * - `raster`: an XYZ or WMTS raster tile template, `{z}/{x}/{y}` placeholders;
 * - `style`: a MapLibre style URL (vector tiles and their own glyphs and sprite);
 * - `pmtiles`: a raster PMTiles archive from the data folder, served at `url` by our server.
 */
export type BasemapSpec =
  | { kind: 'builtin' }
  | { kind: 'raster'; tiles: string; tileSize: number; maxZoom: number; attribution: string | null }
  | { kind: 'style'; url: string }
  | { kind: 'pmtiles'; url: string; attribution: string | null };

/** Where our server serves a configured PMTiles archive. */
export const PMTILES_PATH = '/basemap/tiles.pmtiles';
