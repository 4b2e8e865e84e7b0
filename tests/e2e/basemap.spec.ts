import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PMTILES_PATH } from '../../shared/contracts/basemap.js';
import { seedDataDir } from '../helpers/pglite-template.js';
import { pmtilesArchive, tilesCovering } from '../helpers/pmtiles-archive.js';
import { solidPng, type Rgb } from '../helpers/solid-png.js';
import { startIntranetServer, type IntranetServer } from './setup/intranet-server.js';
import { cityMap, colourShares, layerCount, mapReady, settle, type ColourProbe } from './setup/map.js';
import { openScreen, screenPath, until } from './setup/screen.js';
import { startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';

const suite = browserSuite();
/** The generated tiles' colour: a magenta no built-in layer uses. */
const MAGENTA: Rgb = [255, 0, 255];
/** The custom style's background: a lime no built-in layer uses. */
const LIME: Rgb = [0, 255, 0];
/** A colour under the translucent district fills and labels that tint it. */
const under = (rgb: Rgb): ColourProbe => ({ rgb, tolerance: [60, 90, 60] });
/** The built-in sea and land (client/src/map/palette.ts), which no custom basemap shows. */
const BUILT_IN: ColourProbe[] = [
  { rgb: [0x04, 0x10, 0x1f], tolerance: [4, 4, 4] },
  { rgb: [0x0d, 0x21, 0x38], tolerance: [4, 4, 4] },
];
/** The district boundaries' line colour (BASEMAP.districtLine), drawn above any basemap. */
const DISTRICT_LINE: ColourProbe = { rgb: [0x3f, 0xd0, 0xff], tolerance: [30, 30, 30] };
/** Around Yangjiang (about 111.3–112.5°E, 21.5–22.7°N), wide enough to fill the fitted map. */
const AROUND_CITY = [107, 18, 117, 26] as const;

/** The wall's emergency theme (a full-width city map), once the map has loaded the city. */
async function openMap(page: Page, url: string): Promise<void> {
  await openScreen(page, url, screenPath({ theme: 'emergency', interval: 3600 }));
  await mapReady(page);
}

/** The URLs the page requests, and the built-in land among them. */
function watchRequests(page: Page): { urls: string[]; builtIn: () => string[] } {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return { urls, builtIn: () => urls.filter((u) => u.includes('/basemap/land.geojson')) };
}

/** Waits until the map shows `text` as its credit (the attribution line). */
const credit = (page: Page, text: string) => cityMap(page).locator('.maplibregl-ctrl-attrib').getByText(text).waitFor({ state: 'visible', timeout: 10_000 });

/** Origins the page fetched from (data: and blob: URLs never leave it). */
const originsOf = (urls: string[]) => new Set(urls.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).origin));

describe('the city’s own basemap', () => {
  describe('XYZ raster tiles (BASEMAP_TILES)', () => {
    let tiles: IntranetServer;
    let server: ServerProcess;
    beforeAll(async () => {
      const png = solidPng(MAGENTA);
      tiles = await startIntranetServer((p) => (p.startsWith('/tiles/') ? { type: 'image/png', body: png } : undefined));
      server = await startServer({ simulate: false, env: { BASEMAP_TILES: `${tiles.origin}/tiles/{z}/{x}/{y}.png`, BASEMAP_ATTRIBUTION: '市测绘院' } });
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      await tiles?.close();
    });

    it('replaces the built-in land and sea with the tiles around the city', async () => {
      const { page } = await suite.context();
      const seen = watchRequests(page);
      await openMap(page, server.url);
      await until(
        async () => tiles.requests.length,
        (n) => n > 0,
        'tile requests',
      );
      await settle(page);
      const [z, x] = /\/tiles\/(\d+)\/(\d+)\//.exec(tiles.requests[0]!)!.slice(1).map(Number) as [number, number];
      expect(((x + 0.5) / 2 ** z) * 360 - 180).toBeGreaterThan(108);
      expect(((x + 0.5) / 2 ** z) * 360 - 180).toBeLessThan(115);
      expect(seen.builtIn(), 'the built-in land is not loaded').toEqual([]);
      // A good part of the canvas is the tiles' colour (district fills, points, controls and the legend cover the rest).
      const { shares } = await colourShares(page, [under(MAGENTA)]);
      expect(shares[0]).toBeGreaterThan(0.25);
      await credit(page, '市测绘院');
    });
  });

  describe('a PMTiles archive in the data folder (BASEMAP_PMTILES)', () => {
    let dataDir: string;
    let server: ServerProcess;
    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'cockpit-e2e-pmtiles-'));
      await seedDataDir(dataDir);
      const png = solidPng(MAGENTA);
      const tiles = tilesCovering(AROUND_CITY, 0, 9).map((t) => ({ ...t, data: png }));
      writeFileSync(path.join(dataDir, 'city.pmtiles'), pmtilesArchive(tiles, { bounds: AROUND_CITY }));
      server = await startServer({ simulate: false, dataDir, env: { BASEMAP_PMTILES: 'city.pmtiles', BASEMAP_ATTRIBUTION: '市自然资源局' } });
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('draws the archive’s tiles, read from our server by HTTP range requests, where the built-in basemap would be', async () => {
      const { page } = await suite.context();
      const seen = watchRequests(page);
      const ranges: { range: string | undefined; status: number }[] = [];
      page.on('response', (res) => {
        if (res.url() === `${server.url}${PMTILES_PATH}`) ranges.push({ range: res.request().headers()['range'], status: res.status() });
      });
      await openMap(page, server.url);
      await settle(page);
      const { shares } = await until(
        () => colourShares(page, [under(MAGENTA), ...BUILT_IN]),
        (c) => c.shares[0]! > 0.25,
        'the tiles’ colour on the map',
      );
      expect(shares[0], 'the tiles’ colour').toBeGreaterThan(0.25);
      expect(shares[1]! + shares[2]!, 'the built-in sea and land').toBeLessThan(0.01);
      expect(seen.builtIn(), 'the built-in land is not loaded').toEqual([]);
      // The header and root directory first, then tile bytes: each a range, answered 206 Partial Content.
      expect(ranges.length).toBeGreaterThanOrEqual(2);
      for (const r of ranges) {
        expect(r.range).toMatch(/^bytes=\d+-\d+$/);
        expect(r.status).toBe(206);
      }
      expect(originsOf(seen.urls)).toEqual(new Set([server.url]));
      await credit(page, '市自然资源局');
    });
  });

  describe('a vector style URL on another intranet host (BASEMAP_STYLE)', () => {
    let styleHost: IntranetServer;
    let server: ServerProcess;
    beforeAll(async () => {
      // West of 111.8°E the style's own GeoJSON polygon (magenta), the lime background elsewhere.
      const west = {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [105, 15],
              [111.8, 15],
              [111.8, 28],
              [105, 28],
              [105, 15],
            ],
          ],
        },
      };
      styleHost = await startIntranetServer((p, origin) => {
        if (p === '/west.geojson') return { type: 'application/geo+json', body: JSON.stringify({ type: 'FeatureCollection', features: [west] }) };
        if (p !== '/style.json') return undefined;
        const style = {
          version: 8,
          sources: { west: { type: 'geojson', data: `${origin}/west.geojson`, attribution: '城市底图服务' } },
          layers: [
            { id: 'city-background', type: 'background', paint: { 'background-color': 'rgb(0,255,0)' } },
            { id: 'city-west', type: 'fill', source: 'west', paint: { 'fill-color': 'rgb(255,0,255)' } },
          ],
        };
        return { type: 'application/json', body: JSON.stringify(style) };
      });
      server = await startServer({ simulate: false, env: { BASEMAP_STYLE: `${styleHost.origin}/style.json` } });
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      await styleHost?.close();
    });

    it('lets the style’s origin through the page’s Content-Security-Policy', async () => {
      const csp = (await fetch(`${server.url}/screen`)).headers.get('content-security-policy') ?? '';
      const directive = (name: string) => csp.split(';').find((d) => d.trim().startsWith(`${name} `)) ?? '';
      expect(directive('connect-src')).toContain(styleHost.origin);
      expect(directive('img-src')).toContain(styleHost.origin);
    });

    it('draws the style, its GeoJSON source read from the style’s host, under the district boundaries', async () => {
      const { page } = await suite.context();
      const seen = watchRequests(page);
      const refused: string[] = [];
      page.on('console', (m) => /Content Security Policy/i.test(m.text()) && refused.push(m.text()));
      await openMap(page, server.url);
      await settle(page);
      const { shares } = await until(
        () => colourShares(page, [under(LIME), under(MAGENTA), ...BUILT_IN, DISTRICT_LINE]),
        (c) => c.shares[0]! > 0.1 && c.shares[1]! > 0.1,
        'the style’s background and polygon on the map',
      );
      expect(shares[0], 'the style’s background').toBeGreaterThan(0.1);
      expect(shares[1], 'the style’s GeoJSON polygon').toBeGreaterThan(0.1);
      expect(shares[2]! + shares[3]!, 'the built-in sea and land').toBeLessThan(0.01);
      expect(styleHost.requests).toEqual(expect.arrayContaining(['/style.json', '/west.geojson']));
      expect(seen.builtIn(), 'the built-in land is not loaded').toEqual([]);
      expect(refused, 'requests the CSP refused').toEqual([]);
      // The app's own layers still come on top: the district boundaries are drawn over the style.
      expect(await layerCount(page, 'districts')).toBeGreaterThan(0);
      expect(shares[4], 'the district boundary line').toBeGreaterThan(0.002);
      expect(originsOf(seen.urls)).toEqual(new Set([server.url, styleHost.origin]));
      await credit(page, '城市底图服务');
    });
  });
});
