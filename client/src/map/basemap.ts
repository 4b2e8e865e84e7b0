import { addProtocol, type StyleSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import type { BasemapSpec } from '../../../shared/contracts/basemap.js';
import { offlineStyle } from './style.js';
import { BASEMAP } from './palette.js';

let pmtilesRegistered = false;

/** `pmtiles://` URLs read byte ranges of an archive over HTTP (registered once per page). */
function registerPmtiles(): void {
  if (pmtilesRegistered) return;
  pmtilesRegistered = true;
  addProtocol('pmtiles', new Protocol().tile);
}

/** A style of one raster source under the sea colour (shown while tiles load). */
function rasterStyle(source: { tiles?: string[]; url?: string; tileSize: number; maxzoom?: number; attribution: string | null }): StyleSpecification {
  const { attribution, ...rest } = source;
  return {
    version: 8,
    sources: { basemap: { type: 'raster', ...rest, ...(attribution ? { attribution } : {}) } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP.sea } },
      { id: 'basemap', type: 'raster', source: 'basemap' },
    ],
  };
}

/**
 * The map's starting style for the configured basemap (docs/OPERATIONS.md): the offline land
 * and sea by default, the city's raster tiles (XYZ or WMTS), its own style URL, or a raster
 * PMTiles archive our server serves from the data folder. `base` resolves our own paths.
 */
export function basemapStyle(spec: BasemapSpec | undefined, base: string): StyleSpecification | string {
  switch (spec?.kind) {
    case 'raster':
      return rasterStyle({ tiles: [spec.tiles], tileSize: spec.tileSize, maxzoom: spec.maxZoom, attribution: spec.attribution });
    case 'pmtiles':
      registerPmtiles();
      return rasterStyle({ url: `pmtiles://${new URL(spec.url, base).href}`, tileSize: 256, attribution: spec.attribution });
    case 'style':
      registerPmtiles(); // a city's vector style may itself point at a PMTiles archive
      return spec.url;
    default:
      return offlineStyle(base);
  }
}
