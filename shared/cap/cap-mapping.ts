import { z } from 'zod';
import type { AlertCategory } from '../schemas/alert.js';
import type { WarningLevel } from '../schemas/common.js';

/** XML namespace of OASIS CAP 1.2; other versions are refused. */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/** CAP 1.2 `info.category` values. */
export const capCategory = z.enum(['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other']);
export type CapCategory = z.infer<typeof capCategory>;

/** CAP 1.2 `alert.scope` values. */
export const capScope = z.enum(['Public', 'Restricted', 'Private']);
export type CapScope = z.infer<typeof capScope>;

/**
 * Event keywords → cockpit category, checked in this order (the product's own rule): the
 * hazard named in `event`/`headline` wins over the coarse CAP category, so a typhoon sent
 * with category `Met` and a flood sent with `Geo` both land where the duty officer expects.
 */
const KEYWORDS: ReadonlyArray<[AlertCategory, RegExp]> = [
  ['typhoon', /台风|热带风暴|热带气旋|热带低压|typhoon|tropical (storm|cyclone|depression)|hurricane/i],
  ['rainstorm', /暴雨|大暴雨|强降雨|rainstorm|heavy rain/i],
  ['flood', /洪水|洪涝|山洪|内涝|水位|flood/i],
  ['geological', /地质灾害|滑坡|泥石流|崩塌|地面塌陷|landslide|geolog|debris flow|mudslide|rockfall/i],
  ['forest_fire', /森林火险|森林火灾|森林草原火|火险|forest fire|wildfire|bushfire/i],
  ['hazchem', /危化品|危险化学品|化学品|泄漏|hazchem|hazardous (chemical|material)|chemical (leak|spill|release)/i],
  ['production_safety', /安全生产|生产安全|事故灾难|production safety|industrial accident|mine accident|workplace accident/i],
  ['public_health', /公共卫生|传染病|疫情|食物中毒|public health|epidemic|outbreak|food poisoning/i],
  ['environment', /生态环境|环境污染|空气质量|重污染|水污染|pollution|air quality|smog/i],
];

/** CAP categories that decide when no keyword matched. */
const BY_CAP_CATEGORY: Partial<Record<CapCategory, AlertCategory>> = {
  Health: 'public_health',
  Env: 'environment',
  Fire: 'forest_fire',
  CBRNE: 'hazchem',
};

/** Maps a CAP event (plus headline and categories) onto the cockpit's alert category. */
export function alertCategoryFor(event: string, headline: string | undefined, capCategories: readonly CapCategory[]): AlertCategory {
  const text = `${event} ${headline ?? ''}`;
  for (const [category, re] of KEYWORDS) if (re.test(text)) return category;
  for (const c of capCategories) {
    const mapped = BY_CAP_CATEGORY[c];
    if (mapped) return mapped;
  }
  return 'other';
}

/** The CAP category a cockpit category is sent as (for building CAP). */
export const CAP_CATEGORY_FOR: Record<AlertCategory, CapCategory> = {
  typhoon: 'Met',
  rainstorm: 'Met',
  flood: 'Met',
  geological: 'Geo',
  forest_fire: 'Fire',
  hazchem: 'CBRNE',
  production_safety: 'Safety',
  public_health: 'Health',
  environment: 'Env',
  case_escalation: 'Other',
  other: 'Other',
};

const COLOUR_WORDS: ReadonlyArray<[WarningLevel, RegExp]> = [
  ['red', /红色|\bred\b/i],
  ['orange', /橙色|\borange\b/i],
  ['yellow', /黄色|\byellow\b/i],
  ['blue', /蓝色|\bblue\b/i],
];

/**
 * The warning colour named in a text (台风橙色预警, "Orange rainstorm warning"), or null.
 * When several are named the earliest wins, because signal names put the colour first.
 */
export function levelFromColourWord(text: string): WarningLevel | null {
  let best: { level: WarningLevel; at: number } | null = null;
  for (const [level, re] of COLOUR_WORDS) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { level, at: m.index };
  }
  return best?.level ?? null;
}
