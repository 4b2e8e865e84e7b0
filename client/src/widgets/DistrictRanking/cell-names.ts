import type { CityReference } from '../../stores/reference.js';

/** A named point of the city pack a unit grid cell can be called after. */
interface Landmark {
  name: string;
  lon: number;
  lat: number;
}

/**
 * The places people know a district by: camera sites (路口, 农贸市场, 渔港…) and the schools
 * and parks that serve as shelters (their "应急避护场所" suffix dropped).
 */
export function districtLandmarks(city: CityReference, district: string): Landmark[] {
  const shelters = city.resources.filter((r) => r.type === 'shelter' && r.district === district).map((r) => ({ ...r, name: r.name.replace(/(应急避护场所|避护点)$/, '') }));
  return [...city.cameras.filter((c) => c.district === district), ...shelters].map((p) => ({ name: p.name, lon: p.location.lon, lat: p.location.lat }));
}

/**
 * The landmark nearest to `at` (equirectangular distance: fine within a district), or null
 * when the district has none: a unit grid cell reads as "岗列农贸市场一带", not as an H3 index.
 */
export function nearestLandmark(landmarks: readonly Landmark[], at: { lon: number; lat: number }): string | null {
  const k = Math.cos((at.lat * Math.PI) / 180);
  let best: Landmark | null = null;
  let bestD = Infinity;
  for (const l of landmarks) {
    const d = ((l.lon - at.lon) * k) ** 2 + (l.lat - at.lat) ** 2;
    if (d < bestD) [best, bestD] = [l, d];
  }
  return best?.name ?? null;
}
