import { describe, expect, it } from 'vitest';
import { hash01, Rng } from '../../../../mock-data/simulator/rng.js';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    expect(draw(new Rng(42), 20)).toEqual(draw(new Rng(42), 20));
    expect(draw(new Rng(42), 20)).not.toEqual(draw(new Rng(43), 20));
  });

  it('keeps streams independent of each other', () => {
    const a = Rng.stream(1, 'cases');
    const b = Rng.stream(1, 'alerts');
    expect(draw(a, 5)).not.toEqual(draw(b, 5));
    expect(draw(Rng.stream(1, 'cases'), 5)).toEqual(draw(Rng.stream(1, 'cases'), 5));
  });

  it('draws in range', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 1000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const k = rng.int(2, 5);
      expect(k).toBeGreaterThanOrEqual(2);
      expect(k).toBeLessThanOrEqual(5);
    }
  });

  it('has Poisson counts with about the asked mean', () => {
    const rng = new Rng(9);
    const mean = (lambda: number) => Array.from({ length: 4000 }, () => rng.poisson(lambda)).reduce((a, b) => a + b, 0) / 4000;
    expect(mean(0.5)).toBeCloseTo(0.5, 1);
    expect(mean(50) / 50).toBeCloseTo(1, 1);
  });

  it('picks by weight, never a zero-weight item', () => {
    const rng = new Rng(5);
    const picks = Array.from({ length: 500 }, () => rng.weighted(['a', 'b', 'c'], (x) => (x === 'b' ? 0 : 1)));
    expect(picks).not.toContain('b');
  });

  it('hashes keys to stable numbers in [0, 1)', () => {
    expect(hash01(1, 'A1', 'pm')).toBe(hash01(1, 'A1', 'pm'));
    expect(hash01(1, 'A1', 'pm')).not.toBe(hash01(2, 'A1', 'pm'));
  });
});
