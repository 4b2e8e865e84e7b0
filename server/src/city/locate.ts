import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { latLngToCell } from 'h3-js';
import type { LonLat } from '../../../shared/schemas/common.js';
import { districtsForCircle, districtsForPolygon } from './area-match.js';
import type { CityPack } from './city-pack.js';
import { bboxContains, indexDistricts } from './district-index.js';

/**
 * An alert area as in `shared/schemas/alert.ts` (`AlertArea`): each polygon is one closed
 * ring of [lon, lat]; circles are centre + radius in km; geocodes carry adcodes.
 */
export interface AreaLike {
  polygons?: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  circles?: ReadonlyArray<{ lon: number; lat: number; radiusKm: number }>;
  geocodes?: ReadonlyArray<{ valueName: string; value: string }>;
}

/** Places points and areas in the city's districts and unit grid. */
export interface Locator {
  /** Adcode of the district containing the point, or null (at sea, outside the city). */
  district(p: LonLat): string | null;
  /** H3 cell (hex string) of the point at the pack's `gridResolution`: the unit grid. */
  gridCell(p: LonLat): string;
  /** Adcodes of the districts an alert area touches, in pack order, without duplicates. */
  districtsForArea(area: AreaLike): string[];
}

/**
 * Builds a locator for a pack. District lookup runs for every ingested item, so polygons
 * are split into parts with bboxes once, here, and most parts are rejected by bbox alone.
 */
export function createLocator(pack: Pick<CityPack, 'manifest' | 'districts'>): Locator {
  const districts = indexDistricts(pack.districts);
  const resolution = pack.manifest.gridResolution;
  const cityCode = pack.manifest.adcode;
  const all = districts.map((d) => d.adcode);
  const known = new Set(all);

  const district = (p: LonLat): string | null => {
    for (const d of districts) {
      if (!bboxContains(d.bbox, p.lon, p.lat)) continue;
      for (const part of d.parts) {
        if (bboxContains(part.bbox, p.lon, p.lat) && booleanPointInPolygon([p.lon, p.lat], part.polygon)) return d.adcode;
      }
    }
    return null;
  };

  /** A geocode names a district, the city (all of it) or the province (all of it). */
  const forGeocode = (value: string): string[] => {
    const code = value.trim().slice(0, 6);
    if (!/^\d{6}$/.test(code)) return [];
    if (known.has(code)) return [code];
    const province = `${cityCode.slice(0, 2)}0000`;
    return code === cityCode || code === province ? all : [];
  };

  const districtsForArea = (area: AreaLike): string[] => {
    const hit = new Set<string>();
    for (const g of area.geocodes ?? []) for (const c of forGeocode(g.value)) hit.add(c);
    for (const ring of area.polygons ?? []) {
      for (const c of districtsForPolygon(districts, [ring.map((p) => [p[0], p[1]])])) hit.add(c);
    }
    for (const c of area.circles ?? []) for (const code of districtsForCircle(districts, c.lon, c.lat, c.radiusKm)) hit.add(code);
    return all.filter((c) => hit.has(c));
  };

  return {
    district,
    gridCell: (p) => latLngToCell(p.lat, p.lon, resolution),
    districtsForArea,
  };
}
