import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { CITY_PACKS_DIR, CityPackError, listCityPacks, loadCityPack } from '../../../../server/src/city/city-pack.js';

const CITIES = ['441700', '445200', '441500', '440700', '440200'];

/** A private copy of one pack that a test may corrupt; removed by the returned cleanup. */
async function copyPack(adcode: string): Promise<{ root: string; dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'city-pack-'));
  await cp(join(CITY_PACKS_DIR, adcode), join(root, adcode), { recursive: true });
  return { root, dir: join(root, adcode), cleanup: () => rm(root, { recursive: true, force: true }) };
}

async function loadError(adcode: string, root: string): Promise<CityPackError> {
  const err = await loadCityPack(adcode, root).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CityPackError);
  return err as CityPackError;
}

describe('loadCityPack', () => {
  it('lists the checked-in packs', async () => {
    expect(await listCityPacks()).toEqual(expect.arrayContaining(CITIES));
  });

  it.each(CITIES)('loads and validates the %s pack with its lookup maps', async (adcode) => {
    const pack = await loadCityPack(adcode);
    expect(pack.manifest.adcode).toBe(adcode);
    expect(pack.districts.features.map((f) => f.properties.adcode).sort()).toEqual(pack.manifest.districts.map((d) => d.adcode).sort());
    expect(pack.stationById.size).toBe(pack.stations.length);
    expect(pack.categoryByCode.get('manhole_cover')?.kind).toBe('facility');
    expect(pack.categoryByCode.get('street_vending')?.kind).toBe('incident');
    expect(pack.departments.some((d) => d.hub === 'supervision')).toBe(true);
    expect(pack.departments.some((d) => d.hub === 'command')).toBe(true);
  });

  it.each(CITIES)('places every station, resource and camera of %s inside the district it claims', async (adcode) => {
    const pack = await loadCityPack(adcode);
    const boundary = new Map(pack.districts.features.map((f) => [f.properties.adcode, f]));
    const items = [...pack.stations, ...pack.resources, ...pack.cameras];
    const outside = items.filter((x) => !booleanPointInPolygon([x.location.lon, x.location.lat], boundary.get(x.district)!));
    expect(outside.map((x) => x.id)).toEqual([]);
  });

  it('includes 恩平 in 江门 and 南雄 in 韶关', async () => {
    expect((await loadCityPack('440700')).manifest.districts.map((d) => d.name)).toContain('恩平市');
    expect((await loadCityPack('440200')).manifest.districts.find((d) => d.adcode === '440282')?.name).toBe('南雄市');
  });

  it('names the available packs for an unknown adcode', async () => {
    const err = await loadError('999999', CITY_PACKS_DIR);
    expect(err.message).toContain('999999');
    expect(err.message).toContain('441700');
    expect(err.message).toContain('440200');
  });

  it('refuses a path-like adcode', async () => {
    await loadError('../441700', CITY_PACKS_DIR);
  });

  it('names file and field of an invalid value', async () => {
    const { root, dir, cleanup } = await copyPack('441700');
    try {
      const stations = JSON.parse(await readFile(join(dir, 'stations.json'), 'utf8')) as Array<{ location: { lon: unknown } }>;
      stations[2]!.location.lon = 'east';
      await writeFile(join(dir, 'stations.json'), JSON.stringify(stations));
      const err = await loadError('441700', root);
      expect(err.file).toBe('stations.json');
      expect(err.message).toContain('stations.json');
      expect(err.message).toContain('[2].location.lon');
    } finally {
      await cleanup();
    }
  });

  it('refuses a water section that does not state its water body, naming pack, file and field', async () => {
    const { root, dir, cleanup } = await copyPack('441700');
    try {
      const stations = JSON.parse(await readFile(join(dir, 'stations.json'), 'utf8')) as Array<{ kind: string; waterBody?: string }>;
      const i = stations.findIndex((s) => s.kind === 'water');
      delete stations[i]!.waterBody;
      await writeFile(join(dir, 'stations.json'), JSON.stringify(stations));
      const err = await loadError('441700', root);
      expect(err.message).toContain('city pack 441700');
      expect(err.message).toContain(`stations.json: [${i}].waterBody`);
      stations[i]!.waterBody = 'sea';
      await writeFile(join(dir, 'stations.json'), JSON.stringify(stations));
      expect((await loadError('441700', root)).message).toContain(`[${i}].waterBody`);
    } finally {
      await cleanup();
    }
  });

  it('reports a missing file and invalid JSON by file name', async () => {
    const { root, dir, cleanup } = await copyPack('441700');
    try {
      await rm(join(dir, 'cameras.json'));
      expect((await loadError('441700', root)).message).toMatch(/cameras\.json: file is missing/);
      await writeFile(join(dir, 'cameras.json'), '[{');
      expect((await loadError('441700', root)).message).toMatch(/cameras\.json: invalid JSON/);
    } finally {
      await cleanup();
    }
  });

  it('rejects items in unknown districts and categories of unknown departments', async () => {
    const { root, dir, cleanup } = await copyPack('441700');
    try {
      const cameras = JSON.parse(await readFile(join(dir, 'cameras.json'), 'utf8')) as Array<{ district: string }>;
      cameras[0]!.district = '441799';
      await writeFile(join(dir, 'cameras.json'), JSON.stringify(cameras));
      expect((await loadError('441700', root)).message).toContain('cameras.json: [0].district: unknown district 441799');

      await cp(join(CITY_PACKS_DIR, '441700', 'cameras.json'), join(dir, 'cameras.json'));
      const categories = JSON.parse(await readFile(join(dir, 'categories.json'), 'utf8')) as Array<{ department: string }>;
      categories[1]!.department = 'nobody';
      await writeFile(join(dir, 'categories.json'), JSON.stringify(categories));
      expect((await loadError('441700', root)).message).toContain('categories.json: [1].department: unknown department nobody');
    } finally {
      await cleanup();
    }
  });

  it('loads the working calendar and the categories’ clocks', async () => {
    const pack = await loadCityPack('441700');
    expect(pack.manifest.calendar?.hours).toEqual([
      ['08:30', '12:00'],
      ['14:00', '17:30'],
    ]);
    expect(pack.categoryByCode.get('manhole_missing')?.clock).toBe('natural');
    expect(pack.categoryByCode.get('road_damage')?.clock).toBe('working');
  });

  it('names file and field of a malformed calendar, and a working clock without one', async () => {
    const { root, dir, cleanup } = await copyPack('441700');
    try {
      const city = JSON.parse(await readFile(join(dir, 'city.json'), 'utf8')) as { calendar?: { hours: string[][]; holidays: string[] } };
      const calendar = city.calendar!;
      calendar.hours[1] = ['14:00', '13:00'];
      calendar.holidays[2] = '2025-02-30';
      await writeFile(join(dir, 'city.json'), JSON.stringify(city));
      const err = await loadError('441700', root);
      expect(err.file).toBe('city.json');
      expect(err.message).toContain("city.json: calendar.hours[1]: '14:00' is not before '13:00'");
      expect(err.message).toContain("calendar.holidays[2]: a YYYY-MM-DD date, not '2025-02-30'");

      delete city.calendar;
      await writeFile(join(dir, 'city.json'), JSON.stringify(city));
      const categories = JSON.parse(await readFile(join(dir, 'categories.json'), 'utf8')) as Array<{ clock?: string }>;
      const working = categories.findIndex((c) => c.clock === 'working');
      expect((await loadError('441700', root)).message).toContain(`categories.json: [${working}].clock: working hours need a calendar in city.json`);

      for (const c of categories) delete c.clock;
      await writeFile(join(dir, 'categories.json'), JSON.stringify(categories));
      expect((await loadCityPack('441700', root)).categoryByCode.get('road_damage')?.clock).toBe('natural');
    } finally {
      await cleanup();
    }
  });
});
