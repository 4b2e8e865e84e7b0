import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSimCity } from '../../../../mock-data/simulator/city-pack-loader.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('city pack loader', () => {
  it('loads the default city pack with its districts, stations and categories', () => {
    const city = loadSimCity('441700');
    expect(city.name).toBe('阳江市');
    expect(city.districts.map((d) => d.adcode).sort()).toEqual(['441702', '441704', '441721', '441781']);
    expect(city.districts.find((d) => d.adcode === '441781')!.coastal).toBe(false);
    expect(city.districts.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 9);
    expect(city.stations.some((s) => s.kind === 'air')).toBe(true);
    expect(city.categories.some((c) => c.code === 'waterlogging')).toBe(true);
  });

  it('names the city when its pack is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-pack-'));
    dirs.push(dir);
    expect(() => loadSimCity('999999', dir)).toThrow(/city pack 999999 not found/);
  });

  it('names the file and the field when a pack file is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-pack-'));
    dirs.push(dir);
    mkdirSync(join(dir, '441700'));
    writeFileSync(join(dir, '441700', 'city.json'), JSON.stringify({ adcode: '441700', name: 'x' }));
    expect(() => loadSimCity('441700', dir)).toThrow(/city\.json is invalid at nameEn/);
  });
});
