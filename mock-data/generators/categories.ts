import type { CaseCategory } from '../../shared/schemas/city-pack.js';
import type { CaseSource } from '../../shared/schemas/grid-event.js';
import type { Rng } from '../simulator/rng.js';
import type { Weather } from './weather.js';

/** What a category is about, recognised from its code, names (zh/en) by keyword. */
export type CategoryTag =
  'waterlogging' | 'fallen_tree' | 'billboard' | 'vending' | 'litter' | 'parking' | 'road' | 'manhole' | 'streetlight' | 'advert' | 'noise' | 'construction' | 'drain' | 'slope' | 'power';

/** Chinese keywords match as substrings, English ones as words (`tree` must not hit `street`). */
const KEYWORDS: Record<CategoryTag, ReadonlyArray<string | RegExp>> = {
  waterlogging: ['积水', '内涝', /\bwater ?logg?/, /\bflood/],
  fallen_tree: ['树木', '倒伏', '倒树', /\btrees?\b/],
  billboard: ['广告牌', '招牌', /\b(bill|sign) ?boards?\b/],
  vending: ['占道', '流动摊', '摊贩', /\bvend(or|ing)/, /\bstalls?\b/],
  litter: ['暴露', '乱堆', '杂物', '垃圾堆', /\b(garbage|rubbish|debris)\b/],
  parking: ['停放', '停车', /\bparking\b/],
  road: ['道路', '路面', '人行道', /\b(road|pothole|pavement|sidewalk)/],
  manhole: ['井盖', /\bmanholes?\b/],
  streetlight: ['路灯', /\bstreet ?lights?\b/, /\blamps?\b/],
  advert: ['违规广告', '小广告', '张贴', '涂写', /\b(posters?|flyers?|graffiti|advertising)\b/],
  noise: ['噪声', '噪音', /\bnoise\b/],
  construction: ['施工', '工地', '渣土', '违章搭建', /\bconstruction\b/],
  drain: ['篦子', '排水', '污水', /\b(drains?|sewage|sewer)\b/],
  slope: ['边坡', '滑坡', /\blandslide/],
  power: ['电力', /\bpower\b/],
};

/** How common each kind of case is on an ordinary day (untagged categories weigh 1). */
const BASE_WEIGHT: Record<CategoryTag, number> = {
  waterlogging: 0.4,
  fallen_tree: 0.3,
  billboard: 0.4,
  vending: 5,
  litter: 6,
  parking: 4,
  road: 1.5,
  manhole: 1,
  streetlight: 1,
  advert: 3,
  noise: 1,
  construction: 1.2,
  drain: 0.6,
  slope: 0.2,
  power: 0.5,
};

/** What each source tends to report: cameras see streets, sensors see pipes and lights. */
const SOURCE_AFFINITY: Partial<Record<CaseSource, Partial<Record<CategoryTag, number>>>> = {
  video_ai: { vending: 3, parking: 3, litter: 2, construction: 1.5, noise: 0.1, manhole: 0.3 },
  sensor: { waterlogging: 8, manhole: 6, streetlight: 5, noise: 3, drain: 6, slope: 5 },
  hotline: { noise: 3, waterlogging: 2, streetlight: 2, road: 1.5 },
};

const cache = new WeakMap<CaseCategory, CategoryTag[]>();

/** The tags a category matches (cached per category object). */
export function categoryTags(category: CaseCategory): CategoryTag[] {
  const hit = cache.get(category);
  if (hit) return hit;
  const text = `${category.code} ${category.name} ${category.nameEn}`.toLowerCase().replace(/[_-]/g, ' ');
  const tags = (Object.keys(KEYWORDS) as CategoryTag[]).filter((tag) => KEYWORDS[tag].some((k) => (typeof k === 'string' ? text.includes(k) : k.test(text))));
  cache.set(category, tags);
  return tags;
}

/** Categories carrying a tag (may be empty when the city pack has none). */
export function withTag(categories: readonly CaseCategory[], tag: CategoryTag): CaseCategory[] {
  return categories.filter((c) => categoryTags(c).includes(tag));
}

function weatherBoost(tags: readonly CategoryTag[], weather: Weather): number {
  let boost = 1;
  if (tags.includes('waterlogging')) boost *= 1 + 25 * weather.rain;
  if (tags.includes('drain') || tags.includes('slope')) boost *= 1 + 8 * weather.rain;
  if (tags.some((t) => t === 'fallen_tree' || t === 'billboard' || t === 'power')) boost *= 1 + 40 * weather.wind ** 3;
  return boost;
}

/** A category for an everyday case from `source`, shifted by the weather. */
export function pickCategory(rng: Rng, categories: readonly CaseCategory[], source: CaseSource, weather: Weather): CaseCategory {
  const affinity = SOURCE_AFFINITY[source] ?? {};
  return rng.weighted(categories, (c) => {
    const tags = categoryTags(c);
    if (tags.length === 0) return source === 'sensor' ? 0.05 : 1;
    const base = Math.max(...tags.map((t) => BASE_WEIGHT[t] * (affinity[t] ?? (source === 'sensor' ? 0.05 : 1))));
    return base * weatherBoost(tags, weather);
  });
}

/** Storm relevance of a category: rain floods streets and drains, wind fells trees and lines. */
function stormWeight(category: CaseCategory, weather: Weather): number {
  const tags = categoryTags(category);
  // A felled tree is an incident (树木倒伏); the 部件 category of damaged street trees is rarer.
  const treeShare = category.kind === 'incident' ? 1 : 0.4;
  let w = 0;
  if (tags.includes('waterlogging')) w += 0.2 + 2 * weather.rain;
  if (tags.includes('drain')) w += 0.1 + 0.6 * weather.rain;
  if (tags.includes('slope')) w += 0.05 + 0.3 * weather.rain;
  if (tags.includes('fallen_tree')) w += (0.1 + 2.2 * weather.wind ** 2) * treeShare;
  if (tags.includes('billboard') || tags.includes('power')) w += 0.05 + 0.5 * weather.wind ** 2;
  return w;
}

/**
 * A category for a storm case: waterlogging and blocked drains with the rain, fallen trees,
 * billboards and power lines with the wind; any incident category when the pack has none.
 */
export function pickStormCategory(rng: Rng, categories: readonly CaseCategory[], weather: Weather): CaseCategory {
  const storm = categories.filter((c) => stormWeight(c, weather) > 0);
  if (storm.length === 0) {
    const incidents = categories.filter((c) => c.kind === 'incident');
    return rng.pick(incidents.length > 0 ? incidents : categories);
  }
  return rng.weighted(storm, (c) => stormWeight(c, weather));
}
