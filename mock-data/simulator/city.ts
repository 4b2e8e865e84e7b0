import type { MultiPolygon, Polygon, Position } from 'geojson';
import { loadCityPack } from '../../server/src/city/city-pack.js';
import type { CaseCategory, CityManifest, Department, Station } from '../../shared/schemas/city-pack.js';
import type { LonLat } from '../../shared/schemas/common.js';
import type { WorkCalendar } from '../../shared/domain/work-calendar.js';

/** One district as the generators use it: boundary, activity weight, coast flag. */
export interface SimDistrict {
  adcode: string;
  name: string;
  center: LonLat;
  geometry: Polygon | MultiPolygon;
  /** [minLon, minLat, maxLon, maxLat] of the geometry, for rejection sampling. */
  bbox: [number, number, number, number];
  /** Share of the city's grid cases (sums to 1 over the city). */
  weight: number;
  /** On the sea: typhoon surges hit these districts. */
  coastal: boolean;
  /** Named places in the district (camera sites, shelters, stations…), for case addresses. */
  landmarks: string[];
}

/** Everything the generators read about a city, already validated. */
export interface SimCity {
  adcode: string;
  name: string;
  population: number;
  districts: SimDistrict[];
  stations: Station[];
  categories: CaseCategory[];
  departments: Department[];
  /** The city's working calendar (city.json `calendar`), when it has one. */
  calendar?: WorkCalendar;
}

/** The pieces of a city pack the generators read; {@link loadSimCity} takes them from a loaded pack. */
export interface CityParts {
  manifest: CityManifest;
  boundaries: Array<{ adcode: string; geometry: Polygon | MultiPolygon }>;
  stations: Station[];
  categories: CaseCategory[];
  departments?: Department[];
  /** Named points of the pack (cameras, resources) that case texts may mention. */
  places?: Array<{ name: string; district: string }>;
}

/**
 * Known shares of city-management activity for the default city: 江城区 is the urban core
 * (and holds 海陵岛), so it is the busiest. Other cities fall back to a name heuristic.
 */
const KNOWN_WEIGHTS: Record<string, number> = { '441702': 0.42, '441704': 0.2, '441721': 0.15, '441781': 0.23 };
const KNOWN_COASTAL: Record<string, readonly string[]> = { '441700': ['441702', '441704', '441721'] };

const DEFAULT_POPULATION = 2_600_000;

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position): void => {
    box[0] = Math.min(box[0], p[0]!);
    box[1] = Math.min(box[1], p[1]!);
    box[2] = Math.max(box[2], p[0]!);
    box[3] = Math.max(box[3], p[1]!);
  };
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) ring.forEach(visit);
  return box;
}

/** Urban districts (区) see more cases than county-level cities (市) and counties (县). */
function heuristicWeight(name: string): number {
  if (name.endsWith('区')) return 3;
  if (name.endsWith('市')) return 1.5;
  return 1;
}

/**
 * Turns validated pack pieces into a {@link SimCity}: attaches boundaries to districts,
 * normalises weights and marks coastal districts (Guangdong's coast faces south, so for
 * cities without a known list the southern half of the districts by seat latitude).
 */
export function prepareCity(parts: CityParts): SimCity {
  const { manifest } = parts;
  const raw = manifest.districts.map((d) => {
    const boundary = parts.boundaries.find((b) => b.adcode === d.adcode);
    if (!boundary) throw new Error(`city ${manifest.adcode}: no boundary for district ${d.adcode}`);
    const weight = KNOWN_WEIGHTS[d.adcode] ?? heuristicWeight(d.name);
    return { d, geometry: boundary.geometry, weight };
  });
  if (raw.length === 0) throw new Error(`city ${manifest.adcode} has no districts`);
  const total = raw.reduce((sum, r) => sum + r.weight, 0);
  const known = KNOWN_COASTAL[manifest.adcode];
  const lats = raw.map((r) => r.d.center.lat).sort((a, b) => a - b);
  const medianLat = lats[Math.floor((lats.length - 1) / 2)]!;
  return {
    adcode: manifest.adcode,
    name: manifest.name,
    population: manifest.population ?? DEFAULT_POPULATION,
    districts: raw.map(({ d, geometry, weight }) => ({
      adcode: d.adcode,
      name: d.name,
      center: d.center,
      geometry,
      bbox: bboxOf(geometry),
      weight: weight / total,
      coastal: known ? known.includes(d.adcode) : d.center.lat <= medianLat,
      landmarks: [...new Set((parts.places ?? []).filter((p) => p.district === d.adcode).map((p) => p.name))],
    })),
    stations: parts.stations,
    categories: parts.categories,
    departments: parts.departments ?? [],
    ...(manifest.calendar ? { calendar: manifest.calendar } : {}),
  };
}

/** Population relative to the default city; scales case rates and economic magnitudes. */
export function populationScale(city: SimCity): number {
  return city.population / DEFAULT_POPULATION;
}

/**
 * Loads the city pack of `adcode` under `root` with the server's loader (which validates
 * every file and throws `CityPackError` naming the file and field) and prepares it.
 */
export async function loadSimCity(adcode: string, root?: string): Promise<SimCity> {
  const pack = await loadCityPack(adcode, root);
  return prepareCity({
    manifest: pack.manifest,
    boundaries: pack.districts.features.map((f) => ({ adcode: f.properties.adcode, geometry: f.geometry })),
    stations: pack.stations,
    categories: pack.categories,
    departments: pack.departments,
    // Camera sites (路口, 农贸市场, 渔港…) and the schools and parks that serve as shelters.
    places: [...pack.cameras, ...pack.resources.filter((r) => r.type === 'shelter').map((r) => ({ name: r.name.replace(/(应急避护场所|避护点)$/, ''), district: r.district }))],
  });
}
