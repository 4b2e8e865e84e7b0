import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { caseCategory, cityManifest, department, station } from '../../shared/schemas/city-pack.js';
import { prepareCity, type SimCity } from './city.js';

/** Where the generated city packs live (`mock-data/cities/<adcode>/`). */
export const DEFAULT_CITIES_DIR = fileURLToPath(new URL('../cities/', import.meta.url));

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4)).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position).min(4)).min(1)).min(1) }),
]);
const districtCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ adcode: z.union([z.string(), z.number()]).transform(String), name: z.string() }),
        geometry,
      }),
    )
    .min(1),
});

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`city pack: cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`city pack: ${path} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

/**
 * Loads and validates the city pack of `adcode` from `citiesDir` and prepares it for the
 * generators. Throws with the file and the first problem when a file is missing or invalid.
 */
export function loadSimCity(adcode: string, citiesDir: string = DEFAULT_CITIES_DIR): SimCity {
  const dir = join(citiesDir, adcode);
  if (!existsSync(dir)) throw new Error(`city pack ${adcode} not found in ${citiesDir}`);
  const manifest = readJson(dir, 'city.json', cityManifest);
  const districts = readJson(dir, 'districts.geojson', districtCollection);
  const departmentsFile = join(dir, 'departments.json');
  return prepareCity({
    manifest,
    boundaries: districts.features.map((f) => ({ adcode: f.properties.adcode, geometry: f.geometry })),
    stations: readJson(dir, 'stations.json', z.array(station)),
    categories: readJson(dir, 'categories.json', z.array(caseCategory).min(1)),
    departments: existsSync(departmentsFile) ? readJson(dir, 'departments.json', z.array(department)) : [],
  });
}
