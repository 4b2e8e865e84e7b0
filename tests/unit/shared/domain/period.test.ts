import { describe, expect, it } from 'vitest';
import { elapsedShare, formatPeriod, parsePeriod, periodAt, previousPeriod, samePeriodLastYear } from '../../../../shared/domain/period.js';

describe('periods', () => {
  it('parses months and quarters and formats them back', () => {
    expect(parsePeriod('2026-10')).toEqual({ kind: 'month', year: 2026, index: 10 });
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', year: 2026, index: 3 });
    expect(formatPeriod({ kind: 'month', year: 2026, index: 3 })).toBe('2026-03');
    expect(formatPeriod(parsePeriod('2026-Q1'))).toBe('2026-Q1');
  });

  it('rejects malformed periods', () => {
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026-1', '26-01', '2026-q1', '']) {
      expect(() => parsePeriod(bad), bad).toThrow(RangeError);
    }
  });

  it('finds the 同比 and 环比 bases across year ends', () => {
    expect(samePeriodLastYear('2026-10')).toBe('2025-10');
    expect(samePeriodLastYear('2026-Q1')).toBe('2025-Q1');
    expect(previousPeriod('2026-10')).toBe('2026-09');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
  });

  it('counts the elapsed share in whole periods', () => {
    expect(elapsedShare('2026-10')).toBeCloseTo(10 / 12, 12);
    expect(elapsedShare('2026-12')).toBe(1);
    expect(elapsedShare('2026-Q3')).toBe(0.75);
    expect(elapsedShare('2026-Q1')).toBe(0.25);
  });

  it('names the period containing an instant in China time', () => {
    expect(periodAt('2026-03-31T16:30:00Z', 'month')).toBe('2026-04');
    expect(periodAt('2026-03-31T16:30:00Z', 'quarter')).toBe('2026-Q2');
    expect(periodAt('2026-12-31T12:00:00Z', 'quarter')).toBe('2026-Q4');
  });
});
