import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPECTED_S, ageParts, freshnessOf, parseExpectOverrides } from '../../../../client/src/freshness/freshness.js';

describe('freshnessOf', () => {
  const t0 = Date.parse('2026-11-22T08:00:00Z');

  it('is unknown until the source has spoken', () => {
    expect(freshnessOf(undefined, 60_000, t0)).toEqual({ state: 'unknown', ageMs: null });
  });

  it('is fresh within the expected interval and stale after it', () => {
    expect(freshnessOf(t0, 60_000, t0 + 60_000)).toEqual({ state: 'fresh', ageMs: 60_000 });
    expect(freshnessOf(t0, 60_000, t0 + 60_001)).toEqual({ state: 'stale', ageMs: 60_001 });
  });

  it('recovers as soon as the source speaks again', () => {
    const later = t0 + 10 * 60_000;
    expect(freshnessOf(t0, 60_000, later).state).toBe('stale');
    expect(freshnessOf(later - 1000, 60_000, later)).toEqual({ state: 'fresh', ageMs: 1000 });
  });

  it('treats a clock running behind the data as age 0, not negative', () => {
    expect(freshnessOf(t0 + 5000, 60_000, t0)).toEqual({ state: 'fresh', ageMs: 0 });
  });
});

describe('parseExpectOverrides', () => {
  it('reads seconds per source', () => {
    expect(parseExpectOverrides('air:5,grid:10')).toEqual({ air: 5, grid: 10 });
  });

  it('ignores unknown sources, bad and non-positive numbers, and an absent parameter', () => {
    expect(parseExpectOverrides('air:x,bogus:3,grid:-1,kpi:0,water:2.5,')).toEqual({ water: 2.5 });
    expect(parseExpectOverrides(null)).toEqual({});
    expect(parseExpectOverrides(undefined)).toEqual({});
  });

  it('knows every source it can override', () => {
    const all = Object.keys(DEFAULT_EXPECTED_S)
      .map((s) => `${s}:7`)
      .join(',');
    expect(Object.values(parseExpectOverrides(all))).toEqual(Object.keys(DEFAULT_EXPECTED_S).map(() => 7));
  });
});

describe('ageParts', () => {
  it('picks the largest whole unit', () => {
    expect(ageParts(42_000)).toEqual({ n: 42, unit: 'second' });
    expect(ageParts(5 * 60_000 + 59_000)).toEqual({ n: 5, unit: 'minute' });
    expect(ageParts(3 * 3_600_000)).toEqual({ n: 3, unit: 'hour' });
    expect(ageParts(2 * 86_400_000 + 1)).toEqual({ n: 2, unit: 'day' });
  });
});
