import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityMap, mapReady, settle } from './setup/map.js';
import { openScreen, screenPath, until } from './setup/screen.js';
import { startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';

const suite = browserSuite();
/** The generated tiles' colour: a magenta no built-in layer uses. */
const TILE_RGB = [255, 0, 255] as const;

/** A 256×256 PNG of one solid colour (8-bit RGB, no interlace). */
function solidPng([r, g, b]: readonly number[]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 256 }, () => [r!, g!, b!]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: 256 }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

describe('the city’s own basemap', () => {
  const tileRequests: string[] = [];
  let tiles: Server;
  let server: ServerProcess;

  beforeAll(async () => {
    const png = solidPng(TILE_RGB);
    tiles = createServer((req, res) => {
      tileRequests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(png);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const { port } = tiles.address() as AddressInfo;
    server = await startServer({ simulate: false, env: { BASEMAP_TILES: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png` } });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => tiles?.close(resolve));
  });

  it('replaces the built-in land and sea with the configured XYZ tiles', async () => {
    const { page } = await suite.context();
    const builtIn: string[] = [];
    page.on('request', (r) => r.url().includes('/basemap/land.geojson') && builtIn.push(r.url()));
    await openScreen(page, server.url, screenPath({ theme: 'emergency', interval: 3600 }));
    await mapReady(page);
    await until(
      async () => tileRequests.length,
      (n) => n > 0,
      'tile requests',
    );
    await settle(page);
    // Tiles around Yangjiang (about 111–112.5°E, 21.5–22.5°N) at the city's zoom.
    const [z, x] = /\/tiles\/(\d+)\/(\d+)\//.exec(tileRequests[0]!)!.slice(1).map(Number) as [number, number];
    expect(((x + 0.5) / 2 ** z) * 360 - 180).toBeGreaterThan(108);
    expect(((x + 0.5) / 2 ** z) * 360 - 180).toBeLessThan(115);
    expect(builtIn, 'the built-in land is not loaded').toEqual([]);

    // A good part of the map's canvas is the tiles' colour (district fills, points, controls and the legend cover the rest).
    const png = (await cityMap(page).locator('canvas').first().screenshot()).toString('base64');
    const share = await page.evaluate(
      async ([b64, [r, g, b]]) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        let near = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r) < 60 && Math.abs(data[i + 1]! - g) < 90 && Math.abs(data[i + 2]! - b) < 60) near++;
        return near / (data.length / 4);
      },
      [png, TILE_RGB] as const,
    );
    expect(share).toBeGreaterThan(0.25);
  });
});
