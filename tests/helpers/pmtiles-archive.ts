/**
 * A minimal PMTiles v3 writer for tests (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * one uncompressed root directory, no leaf directories, identical tiles stored once and
 * consecutive ones run-length encoded. Enough for the small generated tile sets a test serves.
 */

/** One tile of the archive. */
export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

/** What the header says about the tiles besides what the writer derives. */
export interface ArchiveOptions {
  /** The spec's TileType: 2 = PNG (the default), 3 = JPEG, 4 = WebP, 1 = MVT. */
  tileType?: number;
  /** West, south, east, north in degrees. */
  bounds: readonly [number, number, number, number];
  /** Free-form metadata (the spec's JSON object). */
  metadata?: Record<string, unknown>;
}

const HEADER_BYTES = 127;
/** Readers fetch the first 16 KiB at once; the header and the root directory must fit in it. */
const FIRST_FETCH = 16_384;
const COMPRESSION_NONE = 1;

/** The spec's TileID: tiles of lower zooms first, then the Hilbert curve position within zoom `z`. */
export function tileId(z: number, x: number, y: number): number {
  const n = 2 ** z;
  let before = 0;
  for (let i = 0; i < z; i++) before += 4 ** i;
  let d = 0;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = n - 1 - x;
        y = n - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return before + d;
}

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Entries as the spec lays them out: count, then each column (ids as deltas, offsets 0 when contiguous else offset + 1). */
function directory(entries: Entry[]): Buffer {
  const ids = entries.map((e, i) => e.tileId - (i ? entries[i - 1]!.tileId : 0));
  const offsets = entries.map((e, i) => {
    const prev = entries[i - 1];
    return prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1;
  });
  const columns = [[entries.length], ids, entries.map((e) => e.runLength), entries.map((e) => e.length), offsets];
  return Buffer.from(columns.flatMap(varints));
}

const e7 = (deg: number) => Math.round(deg * 1e7);

/** The archive holding `tiles` (at least one). */
export function pmtilesArchive(tiles: readonly ArchiveTile[], opts: ArchiveOptions): Buffer {
  if (tiles.length === 0) throw new Error('pmtilesArchive: no tiles');
  const sorted = tiles.map((t) => ({ ...t, id: tileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  const stored = new Map<string, { offset: number; length: number }>();
  const contents: Uint8Array[] = [];
  let dataLength = 0;
  const entries: Entry[] = [];
  for (const t of sorted) {
    const key = Buffer.from(t.data).toString('base64');
    let at = stored.get(key);
    if (!at) {
      at = { offset: dataLength, length: t.data.length };
      stored.set(key, at);
      contents.push(t.data);
      dataLength += t.data.length;
    }
    const last = entries.at(-1);
    if (last && last.tileId === t.id) throw new Error(`pmtilesArchive: tile ${t.z}/${t.x}/${t.y} given twice`);
    if (last && last.offset === at.offset && last.tileId + last.runLength === t.id) last.runLength++;
    else entries.push({ tileId: t.id, ...at, runLength: 1 });
  }
  const root = directory(entries);
  if (HEADER_BYTES + root.length > FIRST_FETCH) throw new Error('pmtilesArchive: too many tiles for a root directory alone');
  const metadata = Buffer.from(JSON.stringify(opts.metadata ?? {}));
  const metadataOffset = HEADER_BYTES + root.length;
  const dataOffset = metadataOffset + metadata.length;
  const zooms = tiles.map((t) => t.z);
  const [west, south, east, north] = opts.bounds;

  const h = Buffer.alloc(HEADER_BYTES);
  h.write('PMTiles', 0, 'ascii');
  h.writeUInt8(3, 7);
  const u64 = [HEADER_BYTES, root.length, metadataOffset, metadata.length, dataOffset, 0, dataOffset, dataLength, tiles.length, entries.length, contents.length];
  u64.forEach((v, i) => h.writeBigUInt64LE(BigInt(v), 8 + i * 8));
  // Clustered (tile data in TileID order, as written here), internal and tile compression, type, zooms.
  h.set([1, COMPRESSION_NONE, COMPRESSION_NONE, opts.tileType ?? 2, Math.min(...zooms), Math.max(...zooms)], 96);
  [west, south, east, north].forEach((deg, i) => h.writeInt32LE(e7(deg), 102 + i * 4));
  h.writeUInt8(Math.min(...zooms), 118);
  h.writeInt32LE(e7((west + east) / 2), 119);
  h.writeInt32LE(e7((south + north) / 2), 123);
  return Buffer.concat([h, root, metadata, ...contents]);
}

/** The z/x/y of every tile of zooms `minZoom`–`maxZoom` that touches `bounds` (west, south, east, north). */
export function tilesCovering(bounds: readonly [number, number, number, number], minZoom: number, maxZoom: number): { z: number; x: number; y: number }[] {
  const [west, south, east, north] = bounds;
  const column = (lon: number, n: number) => Math.min(n - 1, Math.floor(((lon + 180) / 360) * n));
  const row = (lat: number, n: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.min(n - 1, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n));
  };
  const out: { z: number; x: number; y: number }[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const n = 2 ** z;
    for (let x = column(west, n); x <= column(east, n); x++) for (let y = row(north, n); y <= row(south, n); y++) out.push({ z, x, y });
  }
  return out;
}
