import type { CityManifest, Station } from '../../../shared/schemas/city-pack.js';

/** What a place is like; drives which kinds of items gather there and how they are named. */
export type AnchorTag = 'urban' | 'coast' | 'island' | 'industrial' | 'port' | 'scenic' | 'river' | 'rail' | 'rural' | 'mountain';

/**
 * A named place items are placed around. `at` is an approximate WGS84 [lon, lat]; the
 * builder samples near it but always inside the district polygon, so a rough position is
 * enough. Without `at` the anchor is the district seat (from the boundary data).
 */
export interface Anchor {
  name: string;
  at?: [number, number];
  /** `town` → 镇 (镇卫生院), `street` → 街道, `area` → a generic part of the district. */
  level: 'town' | 'street' | 'place' | 'area';
  tags: AnchorTag[];
  /** Full camera spot names for this place; generic spots are used when absent. */
  spots?: string[];
}

export interface DistrictProfile {
  adcode: string;
  nameEn: string;
  /** Short form used in names, e.g. 江城 for 江城区. */
  short: string;
  /** The seat's own name (e.g. 南恩 for 江城区), used as the urban anchor. */
  seatName: string;
  /** Camera spots at the seat (full names); generic spots when absent. */
  seatSpots?: string[];
  /** Further places besides the seat; generic cities get compass-named areas added. */
  anchors: Anchor[];
  /** Hill country: compass-named areas get forest-fire and landslide crews and stock. */
  hilly?: boolean;
}

/** A water-quality section, placed on its river near `at` (or the district seat). */
export interface WaterSectionSpec {
  name: string;
  district: string;
  at?: [number, number];
  targetClass: NonNullable<Station['targetClass']>;
  /** What the section samples; GB 3838 sets TP and TN limits by it. */
  waterBody: NonNullable<Station['waterBody']>;
}

/** Extra named resources a city profile curates beyond the generated ones. */
export interface ResourceSpec {
  type: 'rescue_team' | 'warehouse' | 'shelter' | 'medical' | 'fire_station';
  name: string;
  district: string;
  at?: [number, number];
  capacity?: number;
}

export interface CityProfile {
  adcode: string;
  nameEn: string;
  /** Resident population (7th census, 2020). */
  population: number;
  /** Telephone area code for generated contact numbers. */
  phoneAreaCode: string;
  districts: DistrictProfile[];
  waterSections: WaterSectionSpec[];
  extraResources: ResourceSpec[];
  /** Annual air targets written into the manifest (优良天数比例, PM2.5 mean); none when absent. */
  airTargets?: CityManifest['airTargets'];
}
