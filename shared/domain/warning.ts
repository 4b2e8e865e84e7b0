import type { WarningLevel } from '../schemas/common.js';
import type { CapSeverity } from '../schemas/alert.js';

export type { WarningLevel } from '../schemas/common.js';

/** Display and ordering attributes of one warning level. */
export interface WarningLevelInfo {
  level: WarningLevel;
  /** Ⅰ is the highest level (突发事件应对法). */
  roman: 'I' | 'II' | 'III' | 'IV';
  /** Grade of the emergency: 特别重大 / 重大 / 较大 / 一般. */
  nameZh: string;
  nameEn: string;
  /** Colour word as in signal names (台风红色预警信号). */
  colorZh: string;
  /** Display colour (the product's own palette). */
  color: string;
  /** 4 for red down to 1 for blue: compare ranks, higher is more severe. */
  rank: 1 | 2 | 3 | 4;
  /** CAP 1.2 severity this level maps to (the product's own mapping). */
  severity: Exclude<CapSeverity, 'Unknown'>;
}

/** The four levels, most severe first. */
export const WARNING_LEVELS: Record<WarningLevel, WarningLevelInfo> = {
  red: { level: 'red', roman: 'I', nameZh: '特别重大', nameEn: 'Extremely serious', colorZh: '红色', color: '#FF0000', rank: 4, severity: 'Extreme' },
  orange: { level: 'orange', roman: 'II', nameZh: '重大', nameEn: 'Serious', colorZh: '橙色', color: '#FF7E00', rank: 3, severity: 'Severe' },
  yellow: { level: 'yellow', roman: 'III', nameZh: '较大', nameEn: 'Relatively serious', colorZh: '黄色', color: '#FFD000', rank: 2, severity: 'Moderate' },
  blue: { level: 'blue', roman: 'IV', nameZh: '一般', nameEn: 'General', colorZh: '蓝色', color: '#1E6FFF', rank: 1, severity: 'Minor' },
};

/** Levels ordered from most to least severe. */
export const WARNING_LEVEL_ORDER: readonly WarningLevel[] = ['red', 'orange', 'yellow', 'blue'];

/** Attributes of a level. */
export function warningLevelInfo(level: WarningLevel): WarningLevelInfo {
  return WARNING_LEVELS[level];
}

/** Sort comparator: positive when `a` is more severe than `b` (sort descending with `(a, b) => compare(b, a)`). */
export function compareWarningLevels(a: WarningLevel, b: WarningLevel): number {
  return WARNING_LEVELS[a].rank - WARNING_LEVELS[b].rank;
}

/** The most severe of some levels; null for none. */
export function highestWarningLevel(levels: Iterable<WarningLevel>): WarningLevel | null {
  let best: WarningLevel | null = null;
  for (const l of levels) if (best === null || compareWarningLevels(l, best) > 0) best = l;
  return best;
}

/** CAP severity → level: Extreme red, Severe orange, Moderate yellow, Minor blue, Unknown null. */
export function levelFromSeverity(severity: CapSeverity): WarningLevel | null {
  return WARNING_LEVEL_ORDER.find((l) => WARNING_LEVELS[l].severity === severity) ?? null;
}

/** Level → CAP severity (red Extreme … blue Minor). */
export function severityFromLevel(level: WarningLevel): CapSeverity {
  return WARNING_LEVELS[level].severity;
}

const ALIASES: Record<string, WarningLevel> = {
  i: 'red',
  ⅰ: 'red',
  '1': 'red',
  红: 'red',
  红色: 'red',
  特别重大: 'red',
  ii: 'orange',
  ⅱ: 'orange',
  '2': 'orange',
  橙: 'orange',
  橙色: 'orange',
  重大: 'orange',
  iii: 'yellow',
  ⅲ: 'yellow',
  '3': 'yellow',
  黄: 'yellow',
  黄色: 'yellow',
  较大: 'yellow',
  iv: 'blue',
  ⅳ: 'blue',
  '4': 'blue',
  蓝: 'blue',
  蓝色: 'blue',
  一般: 'blue',
};

/**
 * Reads a level as sources write it: `red`, `I`/`Ⅰ`/`1`, `红色`, `特别重大` (case- and
 * space-insensitive, optional trailing 级). Null when unrecognised.
 */
export function parseWarningLevel(text: string): WarningLevel | null {
  const s = text.trim().toLowerCase().replace(/级$/, '');
  if (Object.hasOwn(WARNING_LEVELS, s)) return s as WarningLevel;
  return Object.hasOwn(ALIASES, s) ? ALIASES[s]! : null;
}
