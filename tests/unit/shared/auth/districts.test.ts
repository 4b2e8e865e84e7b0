import { describe, expect, it } from 'vitest';
import { inDistricts, isDistrictScoped, ownDistricts, resolveDistricts } from '../../../../shared/auth/districts.js';
import { ROLES } from '../../../../shared/auth/policy.js';

const grid = { role: 'grid', districts: ['441702', '441704'] };

describe('the district rule', () => {
  it('confines only grid users', () => {
    expect(ROLES.filter(isDistrictScoped)).toEqual(['grid']);
    expect(isDistrictScoped('source')).toBe(false);
  });

  it('gives city-wide roles no own districts, whatever their token carries', () => {
    for (const role of ['leader', 'duty', 'admin']) expect(ownDistricts({ role, districts: ['441702'] })).toBeNull();
  });

  it('gives a grid user without a district list an empty list, never the whole city', () => {
    expect(ownDistricts({ role: 'grid', districts: null })).toEqual([]);
    expect(ownDistricts({ role: 'grid' })).toEqual([]);
    expect(ownDistricts(grid)).toEqual(['441702', '441704']);
  });

  it('lets a city-wide role see everything or narrow itself (deduplicated)', () => {
    expect(resolveDistricts({ role: 'leader' })).toEqual({ ok: true, districts: null });
    expect(resolveDistricts({ role: 'duty' }, [])).toEqual({ ok: true, districts: null });
    expect(resolveDistricts({ role: 'admin' }, ['441781', '441781'])).toEqual({ ok: true, districts: ['441781'] });
  });

  it('confines a grid user to its districts, or to what it asked for among them', () => {
    expect(resolveDistricts(grid)).toEqual({ ok: true, districts: ['441702', '441704'] });
    expect(resolveDistricts(grid, null)).toEqual({ ok: true, districts: ['441702', '441704'] });
    expect(resolveDistricts(grid, ['441704', '441781', '441704'])).toEqual({ ok: true, districts: ['441704'] });
  });

  it('refuses a grid user that asks only for foreign districts', () => {
    expect(resolveDistricts(grid, ['441781'])).toMatchObject({ ok: false, code: 'district_forbidden' });
  });

  it('refuses a grid token without districts, whatever it asks for', () => {
    for (const districts of [null, [], undefined]) {
      expect(resolveDistricts({ role: 'grid', districts })).toMatchObject({ ok: false, code: 'no_districts' });
      expect(resolveDistricts({ role: 'grid', districts }, ['441702'])).toMatchObject({ ok: false, code: 'no_districts' });
    }
  });

  it('places an item within a scope when it names one of its districts', () => {
    expect(inDistricts(null, [])).toBe(true);
    expect(inDistricts(null, [null])).toBe(true);
    expect(inDistricts(['441702'], ['441702'])).toBe(true);
    expect(inDistricts(['441702'], ['441781', '441702'])).toBe(true);
    expect(inDistricts(['441702'], ['441781'])).toBe(false);
    expect(inDistricts(['441702'], [null, undefined])).toBe(false);
    expect(inDistricts(['441702'], [])).toBe(false);
    expect(inDistricts([], ['441702'])).toBe(false);
  });
});
