import { describe, expect, it } from 'vitest';
import { loadSimCity } from '../../../../mock-data/simulator/city.js';

// Validation and error messages of bad packs are the server loader's (tests/unit/server/city).
describe('loadSimCity', () => {
  it('prepares the default city pack with its districts, stations and categories', async () => {
    const city = await loadSimCity('441700');
    expect(city.name).toBe('阳江市');
    expect(city.districts.map((d) => d.adcode).sort()).toEqual(['441702', '441704', '441721', '441781']);
    expect(city.districts.find((d) => d.adcode === '441781')!.coastal).toBe(false);
    expect(city.districts.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 9);
    const jiangcheng = city.districts.find((d) => d.adcode === '441702')!;
    expect(jiangcheng.geometry.type).toMatch(/Polygon/);
    expect(jiangcheng.bbox[0]).toBeLessThan(jiangcheng.bbox[2]);
    expect(city.stations.some((s) => s.kind === 'air')).toBe(true);
    expect(city.categories.some((c) => c.code === 'waterlogging')).toBe(true);
    expect(city.departments.length).toBeGreaterThan(0);
  });
});
