import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedCityPack } from './generate.js';

/** The files of a pack as they are checked in, keyed by file name. */
export function serializeCityPack(pack: GeneratedCityPack): Record<string, string> {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  // One feature per line: pretty-printing every coordinate pair would make the file ten times longer.
  const features = pack.districts.features.map((f) => JSON.stringify(f)).join(',\n');
  return {
    'city.json': json(pack.manifest),
    'districts.geojson': `{"type":"FeatureCollection","features":[\n${features}\n]}\n`,
    'stations.json': json(pack.stations),
    'resources.json': json(pack.resources),
    'cameras.json': json(pack.cameras),
    'departments.json': json(pack.departments),
    'categories.json': json(pack.categories),
    'senders.json': json(pack.senders),
    'plans.json': json(pack.plans),
  };
}

/** Writes the pack into `<root>/<adcode>/`, creating the folder; returns the file paths. */
export async function writeCityPack(pack: GeneratedCityPack, root: string): Promise<string[]> {
  const dir = join(root, pack.manifest.adcode);
  await mkdir(dir, { recursive: true });
  const files = Object.entries(serializeCityPack(pack));
  await Promise.all(files.map(([name, text]) => writeFile(join(dir, name), text, 'utf8')));
  return files.map(([name]) => join(dir, name));
}
