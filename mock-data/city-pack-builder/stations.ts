import type { Station } from '../../shared/schemas/city-pack.js';
import { assertInside, type PlacedAnchor, withTags } from './anchors.js';
import type { CityProfile, DistrictProfile } from './profiles/index.js';
import { createRng, type Rng } from './prng.js';
import { type DistrictShape, sampleNear } from './sampling.js';

type Zone = NonNullable<Station['zone']>;
const ZONE_LABEL: Record<Zone, string> = {
  '0': '康复疗养区',
  '1': '居住文教区',
  '2': '商住混合区',
  '3': '工业区',
  '4a': '交通干线',
  '4b': '铁路沿线',
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** 江城 + 南恩 → 江城南恩, but no doubled prefix for 揭西北部. */
const prefixed = (short: string, name: string): string => (name.startsWith(short) ? name : `${short}${name}`);

/** Order anchors: seat, then the preferred tags, then the rest, each group shuffled. */
function prioritised(rng: Rng, anchors: PlacedAnchor[], preferred: PlacedAnchor['tags']): PlacedAnchor[] {
  const [seat, ...rest] = anchors;
  const first = withTags(rest, ...preferred);
  const others = rest.filter((a) => !first.includes(a));
  return [...(seat ? [seat] : []), ...rng.sample(first, first.length), ...rng.sample(others, others.length)];
}

function airStations(shape: DistrictShape, profile: DistrictProfile, anchors: PlacedAnchor[]): Station[] {
  const rng = createRng(`${shape.adcode}:air`);
  const chosen = prioritised(rng, anchors, ['urban', 'industrial', 'port']).slice(0, rng.int(2, 4));
  return chosen.map((a, i) => ({
    id: `${shape.adcode}-air-${pad(i + 1)}`,
    kind: 'air',
    name: `${prefixed(profile.short, a.name)}站`,
    location: sampleNear(shape, rng, a.at, a.isSeat ? 1.5 : 1),
    district: shape.adcode,
  }));
}

function noiseStations(shape: DistrictShape, anchors: PlacedAnchor[]): Station[] {
  const rng = createRng(`${shape.adcode}:noise`);
  const [seat, ...rest] = anchors;
  const candidates: Array<[PlacedAnchor, Zone]> = [];
  for (const a of rest) {
    if (a.tags.includes('rail')) candidates.push([a, '4b']);
    if (a.tags.includes('industrial')) candidates.push([a, '3']);
    if (a.tags.includes('urban')) candidates.push([a, rng.pick(['1', '2'] as const)]);
    if (a.tags.includes('scenic')) candidates.push([a, '1']);
  }
  const seatPoints: Array<[PlacedAnchor, Zone]> = seat
    ? [
        [seat, '4a'],
        [seat, '1'],
        [seat, '2'],
      ]
    : [];
  const picked = [...seatPoints.slice(0, 1), ...rng.sample([...seatPoints.slice(1), ...candidates], 3)];
  return picked.slice(0, rng.int(2, 4)).map(([a, zone], i) => ({
    id: `${shape.adcode}-noise-${pad(i + 1)}`,
    kind: 'noise',
    name: `${a.name}${ZONE_LABEL[zone]}噪声监测点`,
    location: sampleNear(shape, rng, a.at, 1),
    district: shape.adcode,
    zone,
  }));
}

function waterStations(shape: DistrictShape, city: CityProfile): Station[] {
  const rng = createRng(`${shape.adcode}:water`);
  return city.waterSections
    .filter((w) => w.district === shape.adcode)
    .map((w, i): Station => {
      if (w.at) assertInside(shape, w.name, w.at);
      return {
        id: `${shape.adcode}-water-${pad(i + 1)}`,
        kind: 'water',
        name: w.name,
        // Curated sections sit on the river; generic ones near the seat, which lies on its river.
        location: sampleNear(shape, rng, w.at ?? shape.seat, w.at ? 0.3 : 0.8),
        district: shape.adcode,
        targetClass: w.targetClass,
        waterBody: w.waterBody,
      };
    });
}

/** Air stations, water sections and noise points of one district. */
export function generateStations(shape: DistrictShape, city: CityProfile, profile: DistrictProfile, anchors: PlacedAnchor[]): Station[] {
  return [...airStations(shape, profile, anchors), ...waterStations(shape, city), ...noiseStations(shape, anchors)];
}
