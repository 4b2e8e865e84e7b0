import { describe, expect, it } from 'vitest';
import { scopeBounds, scopedDistricts, scopeTitle } from '../../../../client/src/composables/useViewerScope.js';
import { yangjiang } from '../map/fixtures.js';

// Issue 10 #13: a grid administrator's wall showed "阳江市" and the whole city's map.
describe("the viewer's scope: title, map frame", () => {
  const city = yangjiang();

  it("keeps only the city's own districts; a city-wide role has none", () => {
    expect(scopedDistricts(city, ['441702'])).toEqual(['441702']);
    expect(scopedDistricts(city, null)).toBeNull();
    expect(scopedDistricts(city, [])).toBeNull();
    expect(scopedDistricts(city, ['999999'])).toBeNull();
    expect(scopedDistricts(null, ['441702'])).toBeNull();
  });

  it('names the districts after the city', () => {
    expect(scopeTitle(city, null, true)).toBe('阳江市');
    expect(scopeTitle(city, ['441702', '441704'], true)).toBe('阳江市 · 江城区、阳东区');
    expect(scopeTitle(city, ['441702'], false)).toBe('Yangjiang · Jiangcheng District');
  });

  it('frames the map on the districts: 江城区 is a small part of the city', () => {
    const [w, s, e, n] = scopeBounds(city, null);
    const [w2, s2, e2, n2] = scopeBounds(city, ['441702']);
    expect(w2).toBeGreaterThanOrEqual(w);
    expect(s2).toBeGreaterThanOrEqual(s);
    expect(e2).toBeLessThanOrEqual(e);
    expect(n2).toBeLessThanOrEqual(n);
    expect((e2 - w2) * (n2 - s2)).toBeLessThan(0.25 * (e - w) * (n - s));
  });
});
