import { PMTILES_PATH, type BasemapSpec } from '../../shared/contracts/basemap.js';

/** The configured basemap, plus the data-folder file behind a PMTiles one. */
export type BasemapConfig = BasemapSpec & { file?: string };

const VARIABLES = ['BASEMAP_TILES', 'BASEMAP_STYLE', 'BASEMAP_PMTILES'] as const;

/** WMTS RESTful placeholders, mapped onto the XYZ ones MapLibre fills in. */
const WMTS = { '{TileMatrix}': '{z}', '{TileCol}': '{x}', '{TileRow}': '{y}' } as const;

function httpUrl(name: string, value: string, problems: string[]): URL | null {
  try {
    const url = new URL(value.replaceAll('{', '%7B').replaceAll('}', '%7D'));
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    /* reported below */
  }
  problems.push(`${name}: must be an http(s) URL, got "${value}"`);
  return null;
}

function intIn(name: string, value: string | undefined, min: number, max: number, fallback: number, problems: string[]): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  problems.push(`${name}: must be a whole number from ${min} to ${max}, got "${value}"`);
  return fallback;
}

/**
 * Reads the basemap variables (blank = unset): at most one of `BASEMAP_TILES` (XYZ or WMTS
 * RESTful template), `BASEMAP_STYLE` (style URL) and `BASEMAP_PMTILES` (a file name inside the
 * data folder), with `BASEMAP_TILE_SIZE`, `BASEMAP_MAX_ZOOM` and `BASEMAP_ATTRIBUTION`. Each
 * problem names its variable and is pushed to `problems`; the built-in basemap is returned then.
 */
export function parseBasemapConfig(env: Record<string, string | undefined>, problems: string[]): BasemapConfig {
  const get = (k: string) => env[k]?.trim() || undefined;
  const set = VARIABLES.filter((k) => get(k));
  if (set.length > 1) {
    problems.push(`${set.join(', ')}: set only one basemap source`);
    return { kind: 'builtin' };
  }
  const before = problems.length;
  const attribution = get('BASEMAP_ATTRIBUTION') ?? null;
  const tileSize = intIn('BASEMAP_TILE_SIZE', get('BASEMAP_TILE_SIZE'), 64, 1024, 256, problems);
  const maxZoom = intIn('BASEMAP_MAX_ZOOM', get('BASEMAP_MAX_ZOOM'), 1, 24, 18, problems);
  const tiles = get('BASEMAP_TILES');
  const style = get('BASEMAP_STYLE');
  const pmtiles = get('BASEMAP_PMTILES');
  let spec: BasemapConfig = { kind: 'builtin' };
  if (tiles) {
    const template = Object.entries(WMTS).reduce((t, [from, to]) => t.replaceAll(from, to), tiles);
    if (!['{z}', '{x}', '{y}'].every((p) => template.includes(p))) {
      problems.push(`BASEMAP_TILES: needs {z}, {x} and {y} (or WMTS {TileMatrix}, {TileCol}, {TileRow}) placeholders, got "${tiles}"`);
    } else if (httpUrl('BASEMAP_TILES', template, problems)) spec = { kind: 'raster', tiles: template, tileSize, maxZoom, attribution };
  } else if (style) {
    if (httpUrl('BASEMAP_STYLE', style, problems)) spec = { kind: 'style', url: style };
  } else if (pmtiles) {
    if (!/^[\w.-]+\.pmtiles$/.test(pmtiles) || pmtiles.startsWith('.')) {
      problems.push(`BASEMAP_PMTILES: must be a .pmtiles file name inside DATA_DIR (no folders), got "${pmtiles}"`);
    } else spec = { kind: 'pmtiles', url: PMTILES_PATH, attribution, file: pmtiles };
  }
  return problems.length > before ? { kind: 'builtin' } : spec;
}

/** What the client is told: the spec without the server-side file name. */
export function publicBasemap(config: BasemapConfig): BasemapSpec {
  const { file: _file, ...spec } = config;
  return spec;
}

/** Origins the browser must be allowed to fetch tiles and styles from (the page's CSP). */
export function basemapOrigins(config: BasemapSpec): string[] {
  if (config.kind === 'raster') return [new URL(config.tiles.replaceAll('{', '%7B').replaceAll('}', '%7D')).origin];
  if (config.kind === 'style') return [new URL(config.url).origin];
  return [];
}
