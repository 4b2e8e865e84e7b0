import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP } from './palette.js';

/** Where our server serves the land around the city (Natural Earth, clipped to the city). */
export const LAND_PATH = '/basemap/land.geojson';

/**
 * The offline basemap: sea as the background, land from our own server, no tiles, no sprite
 * and no glyphs URL (MapLibre then draws any map text locally with the page's font), so the
 * map needs nothing beyond the intranet. Live layers add their own sources on top.
 */
export function offlineStyle(base: string): StyleSpecification {
  return {
    version: 8,
    sources: { land: { type: 'geojson', data: new URL(LAND_PATH, base).href } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP.sea } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': BASEMAP.land, 'fill-antialias': true } },
      { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': BASEMAP.coast, 'line-width': 1.2, 'line-blur': 0.5 } },
    ],
  };
}
