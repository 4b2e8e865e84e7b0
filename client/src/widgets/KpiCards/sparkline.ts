/** A point of a sparkline: when, and the value then (null = unknown, a gap). */
export interface SparkPoint {
  at: number;
  value: number | null;
}

/**
 * SVG path of a sparkline over the time span `[from, to]` in a `width × height` box, scaled
 * to the values' own range (a flat line mid-height when they do not vary). Unknown values
 * break the line. Empty string when nothing is known.
 */
export function sparkPath(points: readonly SparkPoint[], from: number, to: number, width = 100, height = 32): string {
  const known = points.filter((p): p is { at: number; value: number } => p.value !== null && p.at >= from && p.at <= to);
  if (known.length === 0 || to <= from) return '';
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of known) {
    lo = Math.min(lo, p.value);
    hi = Math.max(hi, p.value);
  }
  const pad = 2;
  const x = (at: number) => ((at - from) / (to - from)) * width;
  const y = (v: number) => (hi === lo ? height / 2 : pad + (1 - (v - lo) / (hi - lo)) * (height - 2 * pad));
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.at < from || p.at > to) continue;
    if (p.value === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.at).toFixed(2)} ${y(p.value).toFixed(2)}`;
    pen = true;
  }
  return d;
}
