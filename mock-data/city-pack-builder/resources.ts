import type { Resource, ResourceType } from '../../shared/schemas/city-pack.js';
import { assertInside, type PlacedAnchor, withTags } from './anchors.js';
import { materialsFor } from './materials.js';
import type { CityProfile, DistrictProfile } from './profiles/index.js';
import { createRng, type Rng } from './prng.js';
import { type DistrictShape, sampleNear } from './sampling.js';

interface Draft {
  type: ResourceType;
  name: string;
  anchor: PlacedAnchor | [number, number];
  capacity?: number;
  spreadKm?: number;
  /** A city-level depot: holds several times a district's stock. */
  major?: boolean;
}

const SHELTER_BUILDINGS: Record<PlacedAnchor['level'], Array<[string, number, number]>> = {
  street: [
    ['中学', 1200, 2500],
    ['小学', 600, 1200],
    ['体育馆', 1500, 3000],
    ['文化广场', 800, 2000],
    ['公园', 1000, 2500],
  ],
  place: [
    ['游客中心', 500, 1200],
    ['广场', 800, 1500],
  ],
  town: [
    ['中心小学', 400, 900],
    ['中学', 800, 1600],
    ['镇文化站', 200, 500],
    ['镇政府礼堂', 200, 400],
  ],
  area: [['避灾安置点', 150, 400]],
};

function shelters(rng: Rng, anchors: PlacedAnchor[]): Draft[] {
  const coastal = withTags(anchors, 'coast', 'island');
  // Typhoon shelters crowd the coast; inland districts shelter around the seat and towns.
  const pool = coastal.length > 0 ? [...coastal, ...coastal, ...anchors] : anchors;
  const used = new Set<string>();
  const drafts: Draft[] = [];
  for (let i = 0, n = rng.int(3, 5); i < 20 && drafts.length < n; i++) {
    const anchor = rng.pick(pool);
    const [building, min, max] = rng.pick(SHELTER_BUILDINGS[anchor.level]);
    const name = `${anchor.name}${building}应急避护场所`.replace('避灾安置点应急避护场所', '避灾安置点');
    if (used.has(name)) continue;
    used.add(name);
    drafts.push({ type: 'shelter', name, anchor, capacity: Math.round(rng.int(min, max) / 50) * 50 });
  }
  return drafts;
}

function districtDrafts(rng: Rng, profile: DistrictProfile, fullName: string, anchors: PlacedAnchor[]): Draft[] {
  const seat = anchors[0]!;
  const rest = anchors.slice(1);
  const coast = withTags(rest, 'coast', 'port', 'island');
  const hills = withTags(rest, 'mountain');
  const towns = rest.filter((a) => a.level === 'town' || a.level === 'street');
  // The second crew fits the district's main hazard: typhoons on the coast, fires in the hills.
  const [crew, crewBase] = coast[0] ? [`${profile.short}防风抢险救援队`, coast[0]] : hills[0] ? [`${profile.short}森林防灭火专业队`, hills[0]] : [`${profile.short}防汛抢险队`, rest[0] ?? seat];
  // Depots sit in towns, not at beaches or landmarks.
  const depots = rest.filter((a) => a.level !== 'place');
  const coastalDepots = withTags(depots, 'coast', 'port', 'island');
  const depot = rng.pick(coastalDepots.length > 0 ? coastalDepots : depots.length > 0 ? depots : [seat]);
  const fireAnchor = rng.pick(withTags(rest, 'industrial', 'port', 'urban').concat(rest).concat([seat]));
  return [
    { type: 'rescue_team', name: `${fullName}综合应急救援队`, anchor: seat, capacity: rng.int(40, 120), spreadKm: 2 },
    { type: 'rescue_team', name: crew, anchor: crewBase, capacity: rng.int(20, 60) },
    { type: 'warehouse', name: `${fullName}应急物资仓库`, anchor: seat, spreadKm: 3 },
    { type: 'warehouse', name: `${depot.name}防汛物资储备点`, anchor: depot },
    ...shelters(rng, anchors),
    { type: 'medical', name: `${fullName}人民医院`, anchor: seat, capacity: rng.int(6, 18) * 50 },
    { type: 'medical', name: `${fullName}中医院`, anchor: seat, capacity: rng.int(3, 10) * 50 },
    ...rng.sample(towns, 2).map((t): Draft => ({
      type: 'medical',
      name: t.level === 'town' ? `${t.name}镇卫生院` : `${t.name}街道社区卫生服务中心`,
      anchor: t,
      capacity: t.level === 'town' ? rng.int(20, 80) : rng.int(10, 40),
    })),
    { type: 'fire_station', name: `${seat.name}消防救援站`, anchor: seat, capacity: rng.int(25, 45) },
    ...(fireAnchor === seat ? [] : [{ type: 'fire_station', name: `${fireAnchor.name}消防救援站`, anchor: fireAnchor, capacity: rng.int(15, 35) } satisfies Draft]),
  ];
}

/** Rescue teams, warehouses (with materials), shelters, medical sites and fire stations of one district. */
export function generateResources(shape: DistrictShape, city: CityProfile & { name: string }, profile: DistrictProfile, anchors: PlacedAnchor[]): Resource[] {
  const rng = createRng(`${shape.adcode}:resources`);
  const extras: Draft[] = city.extraResources
    .filter((r) => r.district === shape.adcode)
    .map((r) => {
      if (r.at) assertInside(shape, r.name, r.at);
      return r;
    })
    .map((r) => ({
      type: r.type,
      name: r.name,
      anchor: r.at ?? shape.seat,
      capacity: r.capacity,
      spreadKm: r.at ? 0.2 : 2,
      major: r.name.startsWith(city.name),
    }));
  // A bare 城区 (Shanwei's) is only unambiguous with the city in front of it.
  const fullName = shape.name === '城区' ? `${city.name}城区` : shape.name;
  const drafts = [...extras, ...districtDrafts(rng, profile, fullName, anchors)];
  const seen = new Set<string>();
  const counters = new Map<ResourceType, number>();
  const coastal = withTags(anchors, 'coast', 'island').length > 0;
  const hilly = withTags(anchors, 'mountain').length > 0;
  const unique = drafts.filter((d) => {
    if (seen.has(d.name)) return false;
    seen.add(d.name);
    return true;
  });
  return unique.map((d): Resource => {
    const n = (counters.get(d.type) ?? 0) + 1;
    counters.set(d.type, n);
    const at = Array.isArray(d.anchor) ? d.anchor : d.anchor.at;
    const resource: Resource = {
      id: `${shape.adcode}-${d.type.replace('_', '-')}-${String(n).padStart(2, '0')}`,
      type: d.type,
      name: d.name,
      location: sampleNear(shape, rng, at, d.spreadKm ?? 0.8),
      district: shape.adcode,
      contact: `${city.phoneAreaCode}-${rng.int(2_000_000, 8_999_999)}`,
    };
    if (d.capacity !== undefined) resource.capacity = d.capacity;
    if (d.type === 'warehouse') resource.materials = materialsFor(rng, { coastal, hilly, major: d.major === true });
    return resource;
  });
}
