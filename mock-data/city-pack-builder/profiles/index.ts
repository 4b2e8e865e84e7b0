import { jiangmen, jieyang, shanwei, shaoguan } from './others.js';
import type { CityProfile } from './types.js';
import { yangjiang } from './yangjiang.js';

export type { Anchor, AnchorTag, CityProfile, DistrictProfile, ResourceSpec, WaterSectionSpec } from './types.js';

/** Every city the builder knows, by adcode; Yangjiang first as the default. */
export const cityProfiles: ReadonlyMap<string, CityProfile> = new Map([yangjiang, jieyang, shanwei, jiangmen, shaoguan].map((p) => [p.adcode, p]));
