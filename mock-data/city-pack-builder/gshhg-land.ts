import { execFileSync } from 'node:child_process';
import type { BBox, Feature, Polygon, Position } from 'geojson';
import type { LandCollection } from '../../server/src/city/basemap-land.js';

/**
 * Land at the full resolution of GSHHG (the Global Self-consistent Hierarchical High-resolution
 * Geography, 1:250,000 class: vertices about 100 m apart along the Guangdong coast, where
 * `@geo-maps/countries-coastline-1m` has about 1 km), read through GMT from the Debian packages
 * `gmt` and `gmt-gshhg-full`. GMT dumps the ocean shoreline (level 1) clipped to the box as
 * lines: closed rings are islands, the others run from the box's edge to its edge and are
 * closed into land polygons along the edge. Null when GMT is not installed.
 */
export function gshhgLand(box: BBox): LandCollection | null {
  const region = `-R${box[0]}/${box[2]}/${box[1]}/${box[3]}`;
  let text: string;
  try {
    text = execFileSync('gmt', ['coast', region, '-Df', '-A0/1/1', '-M', '-W'], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
  const lines = stitch(parseSegments(text));
  const rings = lines.filter((l) => same(l[0]!, l[l.length - 1]!));
  let chords = lines.filter((l) => !same(l[0]!, l[l.length - 1]!));
  const onEdge = ([x, y]: Position) => [box[0], box[2]].some((v) => Math.abs(x! - v) < 1e-7) || [box[1], box[3]].some((v) => Math.abs(y! - v) < 1e-7);
  const loose = chords.find((c) => !onEdge(c[0]!) || !onEdge(c[c.length - 1]!));
  if (loose) throw new Error(`GSHHG shoreline from ${loose[0]!.join(',')} to ${loose[loose.length - 1]!.join(',')} ends inside the box`);
  // GSHHG keeps land on one side of its shorelines; which one, GMT's own land test tells.
  if (chords.length > 0 && !landOnLeft(chords, region)) chords = chords.map((c) => [...c].reverse());
  const polygons = [...rings.map((r) => (signedArea(r) < 0 ? [...r].reverse() : r)), ...closeAlongEdge(chords, box)];
  if (chords.length === 0 && onLand([[(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]], region)[0] && rings.length === 0) polygons.push(boxRing(box));
  const features: Feature<Polygon, Record<string, never>>[] = polygons.map((ring) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }));
  return { type: 'FeatureCollection', bbox: box, features };
}

function parseSegments(text: string): Position[][] {
  const out: Position[][] = [];
  let cur: Position[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) out.push((cur = []));
    else if (cur && line.trim()) cur.push(line.trim().split(/\s+/).slice(0, 2).map(Number));
  }
  return out.filter((s) => s.length >= 2);
}

const same = (a: Position, b: Position) => Math.abs(a[0]! - b[0]!) < 1e-9 && Math.abs(a[1]! - b[1]!) < 1e-9;
const key = (p: Position) => `${p[0]!.toFixed(7)},${p[1]!.toFixed(7)}`;

/**
 * Joins GMT's pieces of one shoreline: it dumps a shoreline cut at the edges of its storage bins,
 * each piece starting where the one before ends (GSHHG keeps one direction along a shoreline).
 */
export function stitch(pieces: Position[][]): Position[][] {
  const byStart = new Map<string, number[]>();
  pieces.forEach((p, i) => byStart.set(key(p[0]!), [...(byStart.get(key(p[0]!)) ?? []), i]));
  const used = new Set<number>();
  const out: Position[][] = [];
  // Pieces no other piece leads into begin a line; what is left after them are closed loops.
  const leadsInto = new Set(pieces.filter((p) => !same(p[0]!, p[p.length - 1]!)).map((p) => key(p[p.length - 1]!)));
  const order = [...pieces.keys()].sort((a, b) => Number(leadsInto.has(key(pieces[a]![0]!))) - Number(leadsInto.has(key(pieces[b]![0]!))));
  for (const first of order) {
    if (used.has(first)) continue;
    used.add(first);
    const line = [...pieces[first]!];
    for (;;) {
      const end = line[line.length - 1]!;
      if (same(end, line[0]!) && line.length > 2) break;
      const next = (byStart.get(key(end)) ?? []).find((i) => !used.has(i));
      if (next === undefined) break;
      used.add(next);
      line.push(...pieces[next]!.slice(1));
    }
    out.push(line);
  }
  return out;
}

function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return a / 2;
}

/** Which of the points lie on land, by `gmt select` at full resolution. */
function onLand(points: Position[], region: string): boolean[] {
  const input = points.map((p, i) => `${p[0]} ${p[1]} ${i}`).join('\n');
  const kept = execFileSync('gmt', ['select', region, '-Df', '-Ns/k', '-fg'], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
  const land = new Set(
    kept
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.trim().split(/\s+/)[2])),
  );
  return points.map((_, i) => land.has(i));
}

/** Whether land lies left of the chords (a point a little left of each middle segment, by majority). */
function landOnLeft(chords: Position[][], region: string): boolean {
  const probes = chords.map((c) => {
    const i = Math.floor((c.length - 1) / 2);
    const [a, b] = [c[i]!, c[i + 1]!];
    const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
    const len = Math.hypot(dx, dy) || 1;
    return [(a[0]! + b[0]!) / 2 - (dy / len) * 1e-4, (a[1]! + b[1]!) / 2 + (dx / len) * 1e-4];
  });
  const votes = onLand(probes, region);
  return votes.filter(Boolean).length * 2 >= votes.length;
}

function boxRing([w, s, e, n]: BBox): Position[] {
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

/** Where a point on the box's edge lies along it, counter-clockwise from the south-west corner. */
function perimeter(p: Position, [w, s, e, n]: BBox): number {
  const [x, y] = [p[0]!, p[1]!];
  const [W, H] = [e - w, n - s];
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-7;
  if (near(y, s) && !near(x, w)) return x - w;
  if (near(x, e)) return W + (y - s);
  if (near(y, n)) return W + H + (e - x);
  return 2 * W + H + (n - y);
}

/**
 * Land polygons of chords that keep land on their left: from a chord's end, counter-clockwise
 * along the box's edge (its corners included) to the next chord's start, and on until the ring
 * closes.
 */
export function closeAlongEdge(chords: Position[][], box: BBox): Position[][] {
  const total = 2 * (box[2] - box[0] + (box[3] - box[1]));
  const corners = boxRing(box)
    .slice(0, 4)
    .map((c) => ({ c, t: perimeter(c, box) }));
  const starts = chords.map((c, i) => ({ i, t: perimeter(c[0]!, box) })).sort((a, b) => a.t - b.t);
  const used = new Set<number>();
  const out: Position[][] = [];
  for (const first of starts) {
    if (used.has(first.i)) continue;
    const ring: Position[] = [];
    let i = first.i;
    while (!used.has(i)) {
      used.add(i);
      ring.push(...chords[i]!);
      const endT = perimeter(chords[i]![chords[i]!.length - 1]!, box);
      const ahead = (t: number) => (t - endT + total) % total;
      const next = starts.reduce((best, s) => (ahead(s.t) < ahead(best.t) ? s : best));
      for (const k of corners.filter((k) => ahead(k.t) > 0 && ahead(k.t) < ahead(next.t)).sort((a, b) => ahead(a.t) - ahead(b.t))) ring.push(k.c);
      i = next.i;
    }
    ring.push(ring[0]!);
    out.push(ring);
  }
  return out;
}
