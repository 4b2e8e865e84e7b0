import type { Anchor, DistrictProfile } from './profiles/index.js';
import { createRng } from './prng.js';
import { contains, type DistrictShape, sampleUniform } from './sampling.js';

/** An anchor with a definite position; the seat comes first. */
export interface PlacedAnchor extends Anchor {
  at: [number, number];
  isSeat: boolean;
}

/** Below this many curated places a district also gets compass-named areas. */
const MIN_CURATED = 3;
const DIRECTIONS = ['东', '北', '西', '南'] as const;

function kmBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const kx = 111.32 * Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * 110.574);
}

/**
 * Compass-named parts of a district (揭西北部 …) for cities without curated places: each is a
 * sampled point in that quarter of the district, at a middling distance from the seat so it
 * lies in the countryside rather than at the edge.
 */
function compassAreas(shape: DistrictShape, profile: DistrictProfile): PlacedAnchor[] {
  const rng = createRng(`${shape.adcode}:areas`);
  const points = Array.from({ length: 120 }, () => sampleUniform(shape, rng));
  const areas: PlacedAnchor[] = [];
  DIRECTIONS.forEach((dir, i) => {
    const sector = points
      .map((p) => {
        const at: [number, number] = [p.lon, p.lat];
        const angle = Math.atan2(p.lat - shape.seat[1], p.lon - shape.seat[0]);
        const quarter = Math.round(angle / (Math.PI / 2) + 4) % 4;
        return { at, quarter, km: kmBetween(shape.seat, at) };
      })
      .filter((c) => c.quarter === i && c.km > 4)
      .sort((a, b) => a.km - b.km);
    const mid = sector[Math.floor(sector.length / 2)];
    if (!mid) return;
    const tags: Anchor['tags'] = profile.hilly ? ['rural', 'mountain'] : ['rural'];
    areas.push({ name: `${profile.short}${dir}部`, at: mid.at, level: 'area', tags, isSeat: false });
  });
  return areas;
}

/** The seat, the profile's places and, where those are few, compass-named areas. */
export function placeAnchors(shape: DistrictShape, profile: DistrictProfile): PlacedAnchor[] {
  const seat: PlacedAnchor = {
    name: profile.seatName,
    at: shape.seat,
    level: 'street',
    tags: ['urban'],
    isSeat: true,
    ...(profile.seatSpots ? { spots: profile.seatSpots } : {}),
  };
  const curated = profile.anchors.map((a): PlacedAnchor => ({ ...a, at: a.at ?? shape.seat, isSeat: false }));
  for (const a of curated) assertInside(shape, a.name, a.at);
  const extra = curated.length < MIN_CURATED ? compassAreas(shape, profile) : [];
  return [seat, ...curated, ...extra];
}

/**
 * A curated position outside its district is a profile mistake (a typo, or GCJ-02
 * coordinates copied from a Chinese web map): items would be named after a place they are
 * not near. Fail the build rather than quietly move them.
 */
export function assertInside(shape: DistrictShape, what: string, at: readonly [number, number]): void {
  if (!contains(shape, at[0], at[1])) {
    throw new Error(`${what} at [${at.join(', ')}] lies outside ${shape.name} ${shape.adcode}: fix its position (WGS84) in the profile`);
  }
}

/** Anchors having any of the tags, in their given order. */
export function withTags(anchors: PlacedAnchor[], ...tags: Anchor['tags']): PlacedAnchor[] {
  return anchors.filter((a) => a.tags.some((t) => tags.includes(t)));
}
