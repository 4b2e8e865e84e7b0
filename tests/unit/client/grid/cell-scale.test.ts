import { describe, expect, it } from 'vitest';
import type { HeatmapCell } from '../../../../shared/contracts/evaluation.js';
import { CELL_OPACITY, CELL_RAMP, cellColor, cellScale, rankCells, scaleRanges } from '../../../../client/src/grid/cell-scale.js';
import { cellFeatures, resolutionForZoom } from '../../../../client/src/grid/heat-cells.js';

const cell = (id: string, value: number | null, count = 1): HeatmapCell => ({ cell: id, value, previous: null, lastYear: null, count });

describe('cell colour scale', () => {
  it('gives counts five nice classes up to the busiest cell, calm to alarming', () => {
    const s = cellScale('count', [3, 12, 48, null]);
    expect(s.breaks).toEqual([10, 20, 30, 40]);
    expect(cellColor(s, 3)).toBe(CELL_RAMP[0]);
    expect(cellColor(s, 10)).toBe(CELL_RAMP[0]);
    expect(cellColor(s, 12)).toBe(CELL_RAMP[1]);
    expect(cellColor(s, 48)).toBe(CELL_RAMP[4]);
    expect(cellColor(s, null)).toBeNull();
  });

  it('keeps contrast on a quiet day (classes of at least 1)', () => {
    expect(cellScale('overdue', [0, 1, 2]).breaks).toEqual([1, 2, 3, 4]);
    expect(cellScale('overdue', []).breaks).toEqual([1, 2, 3, 4]);
  });

  it('gives rates fixed classes where a low rate is the alarming one', () => {
    const s = cellScale('onTimeClosureRate', [0.99]);
    expect(s.breaks).toEqual([0.6, 0.75, 0.9]);
    expect(cellColor(s, 0.5)).toBe(CELL_RAMP[4]);
    expect(cellColor(s, 0.95)).toBe(CELL_RAMP[0]);
    expect(scaleRanges(s)[0]).toEqual({ from: null, to: 0.6, color: CELL_RAMP[4] });
    expect(scaleRanges(s).at(-1)).toEqual({ from: 0.9, to: null, color: CELL_RAMP[0] });
  });

  it('draws light, half-transparent fills (boundaries and markers stay readable)', () => {
    expect(CELL_OPACITY).toBeLessThanOrEqual(0.5);
    for (const hex of CELL_RAMP) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      expect((0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255, hex).toBeGreaterThan(0.5);
    }
  });
});

describe('cell ranking', () => {
  const cells = [cell('a', 5, 5), cell('b', 20, 20), cell('c', null, 0), cell('d', 20, 40), cell('e', 1, 1)];

  it('ranks the highest first where more is worse (ties: the larger sample first), leaving out cells without a value', () => {
    const { worst, best } = rankCells(cells, 'count', 3);
    expect(worst.map((c) => c.cell)).toEqual(['d', 'b', 'a']);
    expect(best.map((c) => c.cell)).toEqual(['e', 'a', 'd']);
  });

  it('leaves out cells with nothing in the period (a zero with no cases), keeps overdue carried from before', () => {
    const quiet = [cell('q', 0, 0), cell('o', 2, 0), cell('r', 1, 1)];
    expect(rankCells(quiet, 'count', 5).best.map((c) => c.cell)).toEqual(['r', 'o']);
    expect(cellFeatures(quiet, cellScale('count', [0, 2, 1])).features.map((f) => f.properties.cell)).toEqual(['o', 'r']);
  });

  it('ranks the lowest first where more is better', () => {
    const rates = [cell('x', 0.9), cell('y', 0.4), cell('z', 0.7)];
    expect(rankCells(rates, 'closureRate', 2).worst.map((c) => c.cell)).toEqual(['y', 'z']);
    expect(rankCells(rates, 'closureRate', 1).best.map((c) => c.cell)).toEqual(['x']);
  });
});

describe('resolution by zoom', () => {
  it('shows unit grid cells at street level and coarser cells further out', () => {
    expect([15, 14, 13, 12.5, 12, 10, 9.9, 8].map(resolutionForZoom)).toEqual([10, 10, 9, 9, 8, 8, 7, 7]);
  });
});
