import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basemapOrigins, parseBasemapConfig, publicBasemap } from '../../../server/src/basemap-config.js';
import { ConfigError, loadConfig } from '../../../server/src/config.js';

const parse = (env: Record<string, string>) => {
  const problems: string[] = [];
  return { spec: parseBasemapConfig(env, problems), problems };
};

describe('parseBasemapConfig', () => {
  it('is the built-in basemap when nothing (or only blanks) is set', () => {
    expect(parse({})).toEqual({ spec: { kind: 'builtin' }, problems: [] });
    expect(parse({ BASEMAP_TILES: '  ' })).toEqual({ spec: { kind: 'builtin' }, problems: [] });
  });

  it('takes an XYZ template with its tile size, zoom and attribution', () => {
    const { spec, problems } = parse({ BASEMAP_TILES: 'http://gis.city.local/tiles/{z}/{x}/{y}.png', BASEMAP_TILE_SIZE: '512', BASEMAP_MAX_ZOOM: '19', BASEMAP_ATTRIBUTION: '市自然资源局' });
    expect(problems).toEqual([]);
    expect(spec).toEqual({ kind: 'raster', tiles: 'http://gis.city.local/tiles/{z}/{x}/{y}.png', tileSize: 512, maxZoom: 19, attribution: '市自然资源局' });
    expect(basemapOrigins(spec)).toEqual(['http://gis.city.local']);
  });

  it('maps WMTS RESTful placeholders onto XYZ ones', () => {
    const { spec } = parse({ BASEMAP_TILES: 'https://gis.local/wmts/vec/default/w/{TileMatrix}/{TileRow}/{TileCol}.png' });
    expect(spec).toMatchObject({ kind: 'raster', tiles: 'https://gis.local/wmts/vec/default/w/{z}/{y}/{x}.png' });
  });

  it('takes a style URL, and a PMTiles file whose name the client never sees', () => {
    expect(parse({ BASEMAP_STYLE: 'http://gis.local/style.json' }).spec).toEqual({ kind: 'style', url: 'http://gis.local/style.json' });
    const { spec } = parse({ BASEMAP_PMTILES: 'city.pmtiles' });
    expect(spec).toEqual({ kind: 'pmtiles', url: '/basemap/tiles.pmtiles', attribution: null, file: 'city.pmtiles' });
    expect(publicBasemap(spec)).toEqual({ kind: 'pmtiles', url: '/basemap/tiles.pmtiles', attribution: null });
  });

  it.each([
    [{ BASEMAP_TILES: 'http://gis.local/tiles/{z}/{x}.png' }, 'BASEMAP_TILES: needs {z}, {x} and {y}'],
    [{ BASEMAP_TILES: 'ftp://gis.local/{z}/{x}/{y}.png' }, 'BASEMAP_TILES: must be an http(s) URL'],
    [{ BASEMAP_STYLE: 'style.json' }, 'BASEMAP_STYLE: must be an http(s) URL'],
    [{ BASEMAP_PMTILES: '../etc/city.pmtiles' }, 'BASEMAP_PMTILES: must be a .pmtiles file name inside DATA_DIR'],
    [{ BASEMAP_TILES: 'http://a/{z}/{x}/{y}', BASEMAP_STYLE: 'http://a/s.json' }, 'BASEMAP_TILES, BASEMAP_STYLE: set only one basemap source'],
    [{ BASEMAP_TILES: 'http://a/{z}/{x}/{y}', BASEMAP_MAX_ZOOM: '30' }, 'BASEMAP_MAX_ZOOM: must be a whole number from 1 to 24'],
  ])('refuses %o naming the variable', (env, message) => {
    const { spec, problems } = parse(env);
    expect(spec).toEqual({ kind: 'builtin' });
    expect(problems).toEqual([expect.stringContaining(message)]);
  });

  it('stops the server from starting with a bad basemap, naming the variable', () => {
    expect(() => loadConfig({ BASEMAP_STYLE: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ BASEMAP_STYLE: 'not a url' })).toThrow(/BASEMAP_STYLE: must be an http\(s\) URL/);
  });

  it('stops the server from starting when the PMTiles archive is not in the data folder', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cockpit-basemap-'));
    try {
      expect(() => loadConfig({ DATA_DIR: dataDir, BASEMAP_PMTILES: 'city.pmtiles' })).toThrow(/BASEMAP_PMTILES: no file "city.pmtiles" in DATA_DIR/);
      writeFileSync(path.join(dataDir, 'city.pmtiles'), 'PMTiles');
      expect(loadConfig({ DATA_DIR: dataDir, BASEMAP_PMTILES: 'city.pmtiles' }).basemap.kind).toBe('pmtiles');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
