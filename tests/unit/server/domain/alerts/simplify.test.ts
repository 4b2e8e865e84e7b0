import { describe, expect, it } from 'vitest';
import { displayAreas, simplifyRing } from '../../../../../server/src/domain/alerts/simplify.js';

type P = [number, number];

/** A square with `perSide` points along each side (straight runs Douglas–Peucker can drop). */
function denseSquare(perSide: number): P[] {
  const corners: P[] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ];
  const out: P[] = [];
  for (let c = 0; c < 4; c++) {
    const [a, b] = [corners[c]!, corners[c + 1]!];
    for (let i = 0; i < perSide; i++) out.push([a[0] + ((b[0] - a[0]) * i) / perSide, a[1] + ((b[1] - a[1]) * i) / perSide]);
  }
  return [...out, [0, 0]];
}

describe('Douglas–Peucker by point budget', () => {
  it('keeps the corners of a dense square and drops the collinear points', () => {
    const out = simplifyRing(denseSquare(1000), 6);
    expect(out).toHaveLength(6);
    for (const corner of [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ])
      expect(out).toContainEqual(corner);
    expect(out[0]).toEqual(out[out.length - 1]);
  });

  it('returns a ring within budget unchanged and never fewer than 4 points', () => {
    const small: P[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(simplifyRing(small, 100)).toEqual(small);
    expect(simplifyRing(denseSquare(50), 2)).toHaveLength(4);
  });

  it('keeps the most distant point of a spike however small the budget', () => {
    const ring = denseSquare(200);
    ring.splice(100, 0, [0.5, -3]);
    expect(simplifyRing(ring, 8)).toContainEqual([0.5, -3]);
  });

  it('shares the budget among rings by size; small geometry is left alone', () => {
    const areas = [{ areaDesc: 'a', polygons: [denseSquare(2000), denseSquare(500)], circles: [], geocodes: [] }];
    const shown = displayAreas(areas, 1000)!;
    const [big, small] = shown[0]!.polygons;
    expect(big!.length + small!.length).toBeLessThanOrEqual(1000);
    expect(big!.length).toBeGreaterThan(small!.length);
    expect(displayAreas([{ areaDesc: 'b', polygons: [denseSquare(10)], circles: [], geocodes: [] }], 1000)).toBeNull();
  });
});
