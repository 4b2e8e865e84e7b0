import { describe, expect, it } from 'vitest';
import { scopeDistricts } from '../../../../server/src/auth/middleware.js';
import type { AuthUser } from '../../../../server/src/auth/types.js';
import { AppError } from '../../../../server/src/errors.js';

const duty: AuthUser = { username: 'duty', role: 'duty', districts: null };
const grid: AuthUser = { username: 'grid', role: 'grid', districts: ['441702', '441704'] };

function status(fn: () => unknown): number {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).status;
  }
  return 200;
}

describe('scopeDistricts', () => {
  it('leaves a city-wide role unrestricted unless it narrows itself', () => {
    expect(scopeDistricts(duty)).toBeNull();
    expect(scopeDistricts(duty, [])).toBeNull();
    expect(scopeDistricts(duty, ['441781', '441781'])).toEqual(['441781']);
  });

  it('restricts a grid user to its own districts when it asks for nothing', () => {
    expect(scopeDistricts(grid)).toEqual(['441702', '441704']);
    expect(scopeDistricts(grid, [])).toEqual(['441702', '441704']);
  });

  it('gives a grid user the intersection of what it asked for and what it owns', () => {
    expect(scopeDistricts(grid, ['441704', '441781'])).toEqual(['441704']);
  });

  it('refuses a grid user that asks only for foreign districts', () => {
    expect(status(() => scopeDistricts(grid, ['441781', '441721']))).toBe(403);
  });

  it('refuses a grid user without districts instead of returning "everything"', () => {
    expect(status(() => scopeDistricts({ username: 'g', role: 'grid', districts: null }))).toBe(403);
    expect(status(() => scopeDistricts({ username: 'g', role: 'grid', districts: [] }, ['441702']))).toBe(403);
  });
});
