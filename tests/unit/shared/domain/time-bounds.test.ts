import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_BOUNDS, periodProblem, periodStartMs, timeProblem } from '../../../../shared/domain/time-bounds.js';

const now = new Date('2026-07-01T04:00:00Z');

describe('timeProblem (injected clock)', () => {
  it('accepts times up to the clock tolerance ahead and refuses later ones', () => {
    expect(timeProblem('2026-07-01T04:04:59Z', now)).toBeNull();
    expect(timeProblem('2026-07-01T04:05:00Z', now)).toBeNull();
    expect(timeProblem('2026-07-01T04:05:01Z', now)).toMatch(/future/);
    expect(timeProblem('2099-01-01T00:00:00+08:00', now)).toMatch(/future/);
    expect(timeProblem('2026-07-01T04:00:31Z', now, { ...DEFAULT_TIME_BOUNDS, futureToleranceMs: 30_000 })).toMatch(/future/);
  });

  it('refuses times before 2000-01-01 whatever their kind, and lets `any` times lie ahead', () => {
    expect(timeProblem('0001-01-01T00:00:00Z', now)).toMatch(/before 2000-01-01/);
    expect(timeProblem('1999-12-31T23:59:59Z', now, DEFAULT_TIME_BOUNDS, 'any')).toMatch(/before/);
    expect(timeProblem('2000-01-01T00:00:00Z', now)).toBeNull();
    expect(timeProblem('2026-07-03T00:00:00Z', now, DEFAULT_TIME_BOUNDS, 'any')).toBeNull();
  });
});

describe('periodProblem', () => {
  it('starts periods on the China calendar', () => {
    expect(new Date(periodStartMs('2026-07')).toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(new Date(periodStartMs('2026-Q3')).toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });

  it('accepts past and current periods, refuses ones not begun and ones before 2000', () => {
    expect(periodProblem('2026-06', now)).toBeNull();
    expect(periodProblem('2026-07', now)).toBeNull();
    expect(periodProblem('2026-Q3', now)).toBeNull();
    expect(periodProblem('2026-08', now)).toMatch(/not begun/);
    expect(periodProblem('2026-Q4', now)).toMatch(/not begun/);
    expect(periodProblem('1999-12', now)).toMatch(/before/);
  });
});
