import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  camera,
  caseCategory,
  cityManifest,
  department,
  resource,
  sender,
  station,
  type Camera,
  type CaseCategory,
  type CityManifest,
  type Department,
  type Resource,
  type Sender,
  type Station,
} from '../../../shared/schemas/city-pack.js';
import { responsePlan, type ResponsePlan } from '../../../shared/schemas/plan.js';
import { checkCityPack } from './city-pack.checks.js';
import { districtCollection, type DistrictCollection } from './districts.schema.js';
import { landCollection, type LandCollection } from './basemap-land.js';

/** Where the checked-in packs live: `<repo>/mock-data/cities`. */
export const CITY_PACKS_DIR = fileURLToPath(new URL('../../../mock-data/cities/', import.meta.url));

/** A loaded, validated city pack (see docs/CITY_PACK.md). */
export interface CityPack {
  manifest: CityManifest;
  /** District boundaries, WGS84. */
  districts: DistrictCollection;
  stations: Station[];
  resources: Resource[];
  cameras: Camera[];
  departments: Department[];
  categories: CaseCategory[];
  /** CAP senders with their human names (`senders.json`; optional, empty when absent). */
  senders: Sender[];
  /** Structured response plans (`plans.json`; optional, empty when absent; docs/CITY_PACK.md → Response plans). */
  plans: ResponsePlan[];
  /** Land around the city at street-map detail (`land.geojson`; optional: absent, the basemap clips Natural Earth). */
  land?: LandCollection | null;
  stationById: Map<string, Station>;
  categoryByCode: Map<string, CaseCategory>;
}

/** Bad or missing pack data; the message names the pack, the file and the field. */
export class CityPackError extends Error {
  constructor(
    readonly adcode: string,
    readonly file: string | null,
    detail: string,
  ) {
    super(`city pack ${adcode}: ${file ? `${file}: ` : ''}${detail}`);
    this.name = 'CityPackError';
  }
}

/** `[3].location.lon` for a zod issue path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return text.startsWith('.') ? text.slice(1) : text || '(root)';
}

/** Adcodes of the packs under `root` (folders holding a `city.json`), sorted. */
export async function listCityPacks(root = CITY_PACKS_DIR): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const codes = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && /^\d{6}$/.test(e.name))
      .map(async (e) =>
        (await readFile(join(root, e.name, 'city.json')).then(
          () => true,
          () => false,
        ))
          ? e.name
          : null,
      ),
  );
  return codes.filter((c): c is string => c !== null).sort();
}

async function readValidated<T extends z.ZodType>(adcode: string, dir: string, file: string, schema: T): Promise<z.infer<T>> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch {
    throw new CityPackError(adcode, file, 'file is missing');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CityPackError(adcode, file, `invalid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    throw new CityPackError(adcode, file, issues.join('; ') + more);
  }
  return parsed.data;
}

/** An optional file of the pack: its default when absent, else validated like the others. */
async function readOptional<T extends z.ZodType>(adcode: string, dir: string, file: string, schema: T, absent: z.infer<T>): Promise<z.infer<T>> {
  const exists = await readFile(join(dir, file)).then(
    () => true,
    () => false,
  );
  return exists ? readValidated(adcode, dir, file, schema) : absent;
}

/**
 * Loads `<root>/<adcode>/` and validates every file against the shared schemas, then checks
 * the files against each other (districts, ids, departments). Throws `CityPackError`.
 */
export async function loadCityPack(adcode: string, root = CITY_PACKS_DIR): Promise<CityPack> {
  const available = await listCityPacks(root);
  if (!/^\d{6}$/.test(adcode) || !available.includes(adcode)) {
    const list = available.length > 0 ? available.join(', ') : 'none';
    throw new CityPackError(adcode, null, `no such city pack in ${root} (available: ${list})`);
  }
  const dir = join(root, adcode);
  const [manifest, districts, stations, resources, cameras, departments, categories, senders, plans] = await Promise.all([
    readValidated(adcode, dir, 'city.json', cityManifest),
    readValidated(adcode, dir, 'districts.geojson', districtCollection),
    readValidated(adcode, dir, 'stations.json', z.array(station)),
    readValidated(adcode, dir, 'resources.json', z.array(resource)),
    readValidated(adcode, dir, 'cameras.json', z.array(camera)),
    readValidated(adcode, dir, 'departments.json', z.array(department)),
    readValidated(adcode, dir, 'categories.json', z.array(caseCategory)),
    readOptional(adcode, dir, 'senders.json', z.array(sender), []),
    readOptional(adcode, dir, 'plans.json', z.array(responsePlan), []),
  ]);
  const land = await readOptional(adcode, dir, 'land.geojson', landCollection.nullable(), null);
  const pack: CityPack = {
    manifest,
    districts,
    stations,
    resources,
    cameras,
    departments,
    categories,
    senders,
    plans,
    land,
    stationById: new Map(stations.map((s) => [s.id, s])),
    categoryByCode: new Map(categories.map((c) => [c.code, c])),
  };
  const problem = checkCityPack(adcode, pack);
  if (problem) throw new CityPackError(adcode, problem.file, problem.detail);
  return pack;
}
