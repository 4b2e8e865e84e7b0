import { describe, expect, it } from 'vitest';
import { bytesToHeader, Compression, PMTiles, TileType, zxyToTileId, type Source } from 'pmtiles';
import { pmtilesArchive, tileId, tilesCovering } from '../../helpers/pmtiles-archive.js';
import { solidPng } from '../../helpers/solid-png.js';

/** Bytes `start`–`end` of `buf` in an ArrayBuffer of their own (a small Buffer shares a pooled one). */
const arrayBuffer = (buf: Buffer, start: number, end: number) => Uint8Array.prototype.slice.call(buf, start, end).buffer;

/** The archive as the `pmtiles` reader sees a remote file: byte ranges of it. */
function memorySource(archive: Buffer): Source {
  return { getKey: () => 'memory.pmtiles', getBytes: async (offset, length) => ({ data: arrayBuffer(archive, offset, offset + length) }) };
}

const YANGJIANG = [111.0, 21.3, 112.7, 22.8] as const;
const magenta = solidPng([255, 0, 255]);
const green = solidPng([0, 255, 0]);

describe('the test PMTiles writer', () => {
  it('numbers tiles as the spec does (the pmtiles package’s Hilbert TileIDs)', () => {
    for (let z = 0; z <= 7; z++)
      for (const [x, y] of [
        [0, 0],
        [2 ** z - 1, 0],
        [0, 2 ** z - 1],
        [Math.floor(2 ** z / 3), Math.floor(2 ** z / 5)],
        [2 ** z - 1, 2 ** z - 1],
      ] as const)
        expect(tileId(z, x, y), `${z}/${x}/${y}`).toBe(zxyToTileId(z, x, y));
    expect(tileId(14, 13_162, 7_124)).toBe(zxyToTileId(14, 13_162, 7_124));
  });

  it('writes a header the pmtiles reader accepts, with the counts, zooms and bounds given', () => {
    const tiles = tilesCovering(YANGJIANG, 4, 9).map((t) => ({ ...t, data: magenta }));
    const header = bytesToHeader(arrayBuffer(pmtilesArchive(tiles, { bounds: YANGJIANG }), 0, 127));
    expect(header).toMatchObject({
      specVersion: 3,
      tileType: TileType.Png,
      internalCompression: Compression.None,
      tileCompression: Compression.None,
      minZoom: 4,
      maxZoom: 9,
      numAddressedTiles: tiles.length,
      numTileContents: 1,
      clustered: true,
    });
    // One colour everywhere: runs of neighbouring tiles share one entry.
    expect(header.numTileEntries).toBeLessThan(tiles.length);
    expect(header.minLon).toBeCloseTo(111.0, 6);
    expect(header.maxLat).toBeCloseTo(22.8, 6);
  });

  it('finds each tile’s bytes, shared contents and runs included, and nothing where no tile was written', async () => {
    const covering = tilesCovering(YANGJIANG, 0, 10);
    // Every third tile green, so the directory holds runs, repeats and non-contiguous offsets.
    const tiles = covering.map((t, i) => ({ ...t, data: i % 3 === 0 ? green : magenta }));
    const reader = new PMTiles(memorySource(pmtilesArchive(tiles, { bounds: YANGJIANG, metadata: { name: 'test' } })));
    for (const t of tiles) {
      const got = await reader.getZxy(t.z, t.x, t.y);
      expect(Buffer.from(got!.data).equals(t.data), `${t.z}/${t.x}/${t.y}`).toBe(true);
    }
    // A ring of tiles around the written ones (and a zoom beyond them) holds nothing.
    const written = new Set(covering.map((t) => `${t.z}/${t.x}/${t.y}`));
    const around = tilesCovering([110.0, 20.5, 113.7, 23.6], 0, 11).filter((t) => !written.has(`${t.z}/${t.x}/${t.y}`));
    expect(around.length).toBeGreaterThan(100);
    for (const t of around) expect(await reader.getZxy(t.z, t.x, t.y), `${t.z}/${t.x}/${t.y}`).toBeUndefined();
    expect(await reader.getMetadata()).toEqual({ name: 'test' });
  });

  it('covers the city at each zoom with the tiles around it', () => {
    const z8 = tilesCovering(YANGJIANG, 8, 8);
    // 111.0–112.7°E is x 206–208 at zoom 8; 22.8–21.3°N is y 111–112.
    expect(new Set(z8.map((t) => t.x))).toEqual(new Set([206, 207, 208]));
    expect(new Set(z8.map((t) => t.y))).toEqual(new Set([111, 112]));
  });
});
