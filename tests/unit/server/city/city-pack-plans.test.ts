import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITY_PACKS_DIR, CityPackError, loadCityPack } from '../../../../server/src/city/city-pack.js';

const CITIES = ['441700', '445200', '441500', '440700', '440200'];
const CATEGORIES = ['typhoon', 'rainstorm', 'flood', 'geological', 'forest_fire', 'hazchem', 'public_health'];

/** Loads 441700 with `plans.json` replaced by what `edit` makes of it; the error it stops with, or null. */
async function loadEdited(edit: (plans: Record<string, unknown>[]) => unknown): Promise<CityPackError | null> {
  const root = await mkdtemp(join(tmpdir(), 'plans-pack-'));
  try {
    const dir = join(root, '441700');
    await cp(join(CITY_PACKS_DIR, '441700'), dir, { recursive: true });
    const plans = JSON.parse(await readFile(join(dir, 'plans.json'), 'utf8')) as Record<string, unknown>[];
    await writeFile(join(dir, 'plans.json'), JSON.stringify(edit(plans)));
    return await loadCityPack('441700', root).then(
      () => null,
      (e: unknown) => e as CityPackError,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('city pack plans.json', () => {
  it.each(CITIES)('%s ships a plan for every hazard the desk must answer', async (adcode) => {
    const pack = await loadCityPack(adcode);
    expect(new Set(pack.plans.flatMap((p) => p.categories))).toEqual(new Set(CATEGORIES));
    for (const p of pack.plans) expect(p.steps.length).toBeGreaterThan(3);
  });

  it('stops the start naming the file and field of a malformed plan', async () => {
    const err = await loadEdited((plans) => plans.map((p, i) => (i === 2 ? { ...p, levels: { from: 'yellow', to: 'crimson' } } : p)));
    expect(err).toBeInstanceOf(CityPackError);
    expect(err!.message).toMatch(/^city pack 441700: plans\.json: \[2\]\.levels\.to: /);
  });

  it('names a step of an unknown department and a duplicate plan id', async () => {
    const badStep = await loadEdited((plans) =>
      plans.map((p, i) => (i === 0 ? { ...p, steps: (p.steps as Record<string, unknown>[]).map((s, k) => (k === 1 ? { ...s, department: 'no-such-bureau' } : s)) } : p)),
    );
    expect(badStep!.message).toBe('city pack 441700: plans.json: [0].steps[1].department: unknown department no-such-bureau');
    const dup = await loadEdited((plans) => [...plans, plans[0]]);
    expect(dup!.message).toBe(`city pack 441700: plans.json: [${6}].id: duplicate plan typhoon`);
  });

  it('loads a pack without plans.json as one without plans', async () => {
    const root = await mkdtemp(join(tmpdir(), 'plans-pack-'));
    try {
      await cp(join(CITY_PACKS_DIR, '441700'), join(root, '441700'), { recursive: true });
      await rm(join(root, '441700', 'plans.json'));
      expect((await loadCityPack('441700', root)).plans).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
