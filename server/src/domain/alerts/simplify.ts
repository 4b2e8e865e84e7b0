import { alertPointCount, type AlertArea } from '../../../../shared/schemas/alert.js';

type Point = [number, number];

/** Most polygon points of one alert pushed to screens; larger geometry is simplified (product rule). */
export const DISPLAY_POINTS = 1000;

/** Squared distance of `p` from segment a–b, longitudes scaled by cos(latitude) so degrees are square. */
function segmentDistance2(p: Point, a: Point, b: Point, kx: number): number {
  const ax = a[0] * kx,
    ay = a[1],
    bx = b[0] * kx,
    by = b[1],
    px = p[0] * kx,
    py = p[1];
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = px - (ax + t * dx),
    ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

interface Span {
  from: number;
  to: number;
  /** The point between `from` and `to` farthest from their chord, and its squared distance. */
  at: number;
  d2: number;
}

function span(ring: readonly Point[], from: number, to: number, kx: number): Span {
  let at = -1;
  let d2 = -1;
  for (let i = from + 1; i < to; i++) {
    const d = segmentDistance2(ring[i]!, ring[from]!, ring[to]!, kx);
    if (d > d2) {
      d2 = d;
      at = i;
    }
  }
  return { from, to, at, d2 };
}

/**
 * Douglas–Peucker by budget: keeps the ring's first and last point, then repeatedly the
 * point farthest from the current outline, until `maxPoints` (at least 4, a ring's minimum) are kept. The most important
 * points (as Douglas–Peucker ranks them) survive whatever the tolerance would have been;
 * a ring within budget is returned as it is. First equals last stays true.
 */
export function simplifyRing(ring: readonly Point[], maxPoints: number): Point[] {
  const budget = Math.max(maxPoints, 4);
  if (ring.length <= budget) return ring.slice();
  const meanLat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const kx = Math.cos((meanLat * Math.PI) / 180);
  const keep = new Set<number>([0, ring.length - 1]);
  const open: Span[] = [span(ring, 0, ring.length - 1, kx)];
  while (keep.size < budget && open.length > 0) {
    let best = 0;
    for (let i = 1; i < open.length; i++) if (open[i]!.d2 > open[best]!.d2) best = i;
    const s = open.splice(best, 1)[0]!;
    if (s.at < 0) continue;
    keep.add(s.at);
    for (const next of [span(ring, s.from, s.at, kx), span(ring, s.at, s.to, kx)]) if (next.at >= 0) open.push(next);
  }
  return [...keep].sort((a, b) => a - b).map((i) => ring[i]!);
}

/**
 * Areas as screens get them: the alert's polygon points within `budget`, shared among its
 * rings by their size (at least 4 each, a ring's minimum); null when within budget as sent.
 */
export function displayAreas(areas: readonly AlertArea[], budget = DISPLAY_POINTS): AlertArea[] | null {
  const total = alertPointCount(areas);
  if (total <= budget) return null;
  const share = (r: readonly Point[]) => Math.max(4, Math.floor((budget * r.length) / total));
  return areas.map((a) => ({ ...a, polygons: a.polygons.map((r) => simplifyRing(r, share(r))) }));
}
