import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { generateCityPack } from '../../../mock-data/city-pack-builder/generate.js';
import { readEchartsMap } from '../../../mock-data/city-pack-builder/boundaries.js';
import { createRng } from '../../../mock-data/city-pack-builder/prng.js';
import { serializeCityPack } from '../../../mock-data/city-pack-builder/write.js';
import { CITY_PACKS_DIR } from '../../../server/src/city/city-pack.js';

const CITIES = ['441700', '445200', '441500', '440700', '440200'];

describe('seeded PRNG', () => {
  it('repeats a sequence for a seed and differs between seeds', () => {
    const a = createRng('441702:air');
    const b = createRng('441702:air');
    const c = createRng('441702:noise');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('generateCityPack', () => {
  it('is reproducible: two runs give identical packs', () => {
    const first = serializeCityPack(generateCityPack('441700'));
    const second = serializeCityPack(generateCityPack('441700'));
    expect(second).toEqual(first);
  });

  it.each(CITIES)('matches the checked-in files of %s (run `npm run city-packs` after changing the builder)', (adcode) => {
    const files = serializeCityPack(generateCityPack(adcode));
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(join(CITY_PACKS_DIR, adcode, name), 'utf8'), name).toBe(text);
    }
  });

  it('converts the GCJ-02 source to WGS84 once, rounded to 6 decimals', () => {
    const pack = generateCityPack('441700');
    const source = readEchartsMap('441700').find((f) => f.properties.adcode === '441702')!;
    const gcj = source.properties.center!;
    const seat = pack.manifest.districts.find((d) => d.adcode === '441702')!.center;
    const [lon, lat] = gcoord.transform([gcj[0], gcj[1]], gcoord.GCJ02, gcoord.WGS84);
    expect(seat.lon).toBeCloseTo(lon, 6);
    expect(seat.lat).toBeCloseTo(lat, 6);
    // In Guangdong the GCJ-02 offset is a few hundred metres: WGS84 lies west and north.
    expect(gcj[0] - seat.lon).toBeGreaterThan(0.003);
    expect(seat.lat - gcj[1]).toBeGreaterThan(0.001);
    const coords = JSON.stringify(pack.districts).match(/-?\d+\.\d+/g) ?? [];
    expect(coords.length).toBeGreaterThan(1000);
    expect(coords.filter((c) => c.split('.')[1]!.length > 6)).toEqual([]);
  });

  it.each(CITIES)('gives every district of %s 2–4 air stations and 10–20 cameras', (adcode) => {
    const pack = generateCityPack(adcode);
    for (const { adcode: district } of pack.manifest.districts) {
      const air = pack.stations.filter((s) => s.kind === 'air' && s.district === district).length;
      const cameras = pack.cameras.filter((c) => c.district === district).length;
      expect(air, district).toBeGreaterThanOrEqual(2);
      expect(air, district).toBeLessThanOrEqual(4);
      expect(cameras, district).toBeGreaterThanOrEqual(10);
      expect(cameras, district).toBeLessThanOrEqual(20);
    }
    expect(pack.stations.filter((s) => s.kind === 'water').every((s) => s.targetClass && s.waterBody)).toBe(true);
    expect(pack.stations.filter((s) => s.kind === 'noise').every((s) => s.zone)).toBe(true);
    expect(new Set(pack.resources.map((r) => r.type))).toEqual(new Set(['rescue_team', 'warehouse', 'shelter', 'medical', 'fire_station']));
    expect(pack.resources.filter((r) => r.type === 'warehouse').every((r) => Object.keys(r.materials ?? {}).length > 0)).toBe(true);
    expect(pack.resources.filter((r) => r.type === 'shelter').every((r) => (r.capacity ?? 0) > 0)).toBe(true);
  });

  it('curates Yangjiang: 漠阳江 sections, 海陵岛 shelters', () => {
    const pack = generateCityPack('441700');
    const moyang = pack.stations.filter((s) => s.kind === 'water' && s.name.startsWith('漠阳江'));
    expect(moyang.length).toBeGreaterThanOrEqual(4);
    // 海陵岛 lies south of 21.67° N in 江城区; the mainland coast is further north.
    const island = pack.resources.filter((r) => r.type === 'shelter' && r.district === '441702' && r.location.lat < 21.67);
    expect(island.length).toBeGreaterThanOrEqual(3);
    expect(island.some((r) => r.name.includes('闸坡'))).toBe(true);
  });
});
