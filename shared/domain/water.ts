/** Surface water quality classes of GB 3838-2002, best first; 劣V is worse than class V. */
export const WATER_CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'] as const;
export type WaterClass = (typeof WATER_CLASSES)[number];

/** Items the product grades (the observation schema's `waterValues` keys). */
export type WaterItem = 'ph' | 'do' | 'codmn' | 'cod' | 'bod5' | 'nh3n' | 'tp' | 'tn';

/** What a section samples: GB 3838 sets TP and TN limits by water body. */
export const WATER_BODIES = ['river', 'lake', 'reservoir'] as const;
export type WaterBody = (typeof WATER_BODIES)[number];

interface Limit {
  /** `min`: the class is met at or above the value (DO); `max`: at or below it. */
  kind: 'min' | 'max';
  /** Limits of classes I–V, mg/L. */
  limits: readonly [number, number, number, number, number];
}

/** GB 3838-2002 Table 1 limits (TP: the rivers column; TN: lakes and reservoirs, the only column there is). */
export const WATER_LIMITS: Record<Exclude<WaterItem, 'ph'>, Limit> = {
  do: { kind: 'min', limits: [7.5, 6, 5, 3, 2] },
  codmn: { kind: 'max', limits: [2, 4, 6, 10, 15] },
  cod: { kind: 'max', limits: [15, 15, 20, 30, 40] },
  bod5: { kind: 'max', limits: [3, 3, 4, 6, 10] },
  nh3n: { kind: 'max', limits: [0.15, 0.5, 1.0, 1.5, 2.0] },
  tp: { kind: 'max', limits: [0.02, 0.1, 0.2, 0.3, 0.4] },
  tn: { kind: 'max', limits: [0.2, 0.5, 1.0, 1.5, 2.0] },
};

/** GB 3838-2002 TP limits for lakes and reservoirs (湖、库), stricter than the rivers column. */
export const TP_LAKE_LIMITS: Limit = { kind: 'max', limits: [0.01, 0.025, 0.05, 0.1, 0.2] };

/** pH range valid for every class. */
export const PH_RANGE = { min: 6, max: 9 } as const;

export interface WaterAssessment {
  /** The worst class over the graded items (TN is never one of them). */
  waterClass: WaterClass;
  /** Classes of the graded items. */
  itemClasses: Partial<Record<WaterItem, WaterClass>>;
  /** Items whose class equals the overall class (the items that decide it). */
  worstItems: WaterItem[];
  /** Lakes and reservoirs with a TN value: its class, reported beside the water class. */
  tnClass?: WaterClass;
}

/** 1 for class I … 5 for V, 6 for 劣V; a higher rank is worse water. */
export function waterClassRank(c: WaterClass): number {
  return WATER_CLASSES.indexOf(c) + 1;
}

/** Whether a class meets class III (the drinking-source / 达标 threshold used in KPIs). */
export function isClassIIIOrBetter(c: WaterClass): boolean {
  return waterClassRank(c) <= 3;
}

/**
 * Class of one item's value in a water body. pH within 6–9 meets every class (so it grades I)
 * and outside it grades 劣V. The best class whose limit the value meets wins, so COD ≤ 15 is
 * class I. TP reads the lakes-and-reservoirs column there; TN has only that column.
 */
export function waterItemClass(item: WaterItem, value: number, body: WaterBody = 'river'): WaterClass | null {
  if (!Number.isFinite(value) || value < 0) return null;
  if (item === 'ph') return value >= PH_RANGE.min && value <= PH_RANGE.max ? 'I' : '劣V';
  const { kind, limits } = item === 'tp' && body !== 'river' ? TP_LAKE_LIMITS : WATER_LIMITS[item];
  const i = limits.findIndex((limit) => (kind === 'min' ? value >= limit : value <= limit));
  return i === -1 ? '劣V' : WATER_CLASSES[i]!;
}

/** Items that decide a section's class: TN is left out (环办〔2011〕22号), see DOMAIN.md. */
const GRADED: readonly WaterItem[] = ['ph', 'do', 'codmn', 'cod', 'bod5', 'nh3n', 'tp'];

/**
 * Class of a section from its measured items (GB 3838-2002 single-factor method: the worst
 * graded item decides). A river is never graded or reported on TN; a lake or reservoir uses
 * its own TP column and reports its TN class on its own. Other keys (temperature, turbidity)
 * are ignored; null when no graded item is present.
 */
export function assessWater(values: Readonly<Partial<Record<WaterItem, number>>>, body: WaterBody): WaterAssessment | null {
  const itemClasses: Partial<Record<WaterItem, WaterClass>> = {};
  let worst = 0;
  for (const item of GRADED) {
    const v = values[item];
    const c = v === undefined ? null : waterItemClass(item, v, body);
    if (c === null) continue;
    itemClasses[item] = c;
    worst = Math.max(worst, waterClassRank(c));
  }
  if (worst === 0) return null;
  const waterClass = WATER_CLASSES[worst - 1]!;
  const worstItems = GRADED.filter((item) => itemClasses[item] === waterClass);
  const tnClass = body === 'river' || values.tn === undefined ? null : waterItemClass('tn', values.tn, body);
  return tnClass ? { waterClass, itemClasses, worstItems, tnClass } : { waterClass, itemClasses, worstItems };
}
