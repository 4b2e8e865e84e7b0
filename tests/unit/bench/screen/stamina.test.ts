import { describe, expect, it } from 'vitest';
import { trendOver } from '../../../../bench/screen/stamina.js';

describe('stamina: the DOM node trend', () => {
  it('is what a steady leak adds over the run', () => {
    expect(trendOver([400, 407, 414, 421, 428])).toBeCloseTo(28);
    expect(trendOver([10, 8, 6])).toBeCloseTo(-4);
  });

  it('stays near zero when rows come and go, wherever the last samples land', () => {
    // The fifth session's hour (one sample a minute): alert and ranking rows of 7 nodes come
    // and go, and the last three samples happen to show two rows more than the first three.
    const hour = [
      462, 461, 475, 469, 471, 468, 468, 468, 468, 468, 468, 468, 468, 468, 468, 468, 468, 468, 468, 552, 531, 496, 482, 475, 485, 475, 482, 475, 489, 482, 482, 482, 475, 482, 468, 482, 475, 482, 475,
      482, 475, 475, 475, 482, 476, 475, 475, 475, 475, 475, 475, 468, 468, 461, 476, 461, 468, 468, 475, 475, 475,
    ];
    expect(Math.abs(trendOver(hour))).toBeLessThan(1);
    expect(trendOver([...hour, ...Array.from({ length: 30 }, (_, i) => 475 + i)])).toBeGreaterThan(20);
  });

  it('is zero for fewer than two samples', () => {
    expect(trendOver([])).toBe(0);
    expect(trendOver([500])).toBe(0);
  });
});
