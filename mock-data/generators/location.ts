import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { LonLat } from '../../shared/schemas/common.js';
import type { SimCity, SimDistrict } from '../simulator/city.js';
import type { Rng } from '../simulator/rng.js';

const KM_PER_DEG_LAT = 111.32;
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** True when the point lies inside the district boundary. */
export function isInside(district: SimDistrict, p: LonLat): boolean {
  return booleanPointInPolygon([p.lon, p.lat], district.geometry);
}

/** A district chosen by its share of the city's activity. */
export function pickDistrict(rng: Rng, districts: readonly SimDistrict[]): SimDistrict {
  return rng.weighted(districts, (d) => d.weight);
}

/** A uniformly random point inside the district (rejection sampling in its bounding box). */
export function randomPointIn(rng: Rng, district: SimDistrict): LonLat {
  const [minLon, minLat, maxLon, maxLat] = district.bbox;
  for (let i = 0; i < 500; i++) {
    const p = { lon: round6(rng.range(minLon, maxLon)), lat: round6(rng.range(minLat, maxLat)) };
    if (isInside(district, p)) return p;
  }
  return district.center;
}

/**
 * A point scattered around `near` (normal, `sigmaKm` per axis) that is still inside the
 * district; falls back to a uniform point when `near` is off the district (e.g. at sea).
 */
export function pointNear(rng: Rng, district: SimDistrict, near: LonLat, sigmaKm: number): LonLat {
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos((near.lat * Math.PI) / 180);
  for (let i = 0; i < 40; i++) {
    const p = {
      lon: round6(near.lon + rng.normal(0, sigmaKm) / kmPerDegLon),
      lat: round6(near.lat + rng.normal(0, sigmaKm) / KM_PER_DEG_LAT),
    };
    if (isInside(district, p)) return p;
  }
  return randomPointIn(rng, district);
}

/**
 * Where an everyday case happens: mostly in the built-up area around the district seat,
 * the rest anywhere in the district (villages, roads).
 */
export function caseLocation(rng: Rng, district: SimDistrict): LonLat {
  return rng.chance(0.65) ? pointNear(rng, district, district.center, 2.5) : randomPointIn(rng, district);
}

/** The district that contains the point, if any. */
export function districtOf(city: SimCity, p: LonLat): SimDistrict | undefined {
  return city.districts.find((d) => isInside(d, p));
}
