import type { Observation } from '../../../../shared/schemas/observation.js';
import { WATER_CLASSES, isClassIIIOrBetter, type WaterClass } from '../../../../shared/domain/water.js';
import { currentReadings } from '../common/readings.js';

/** Display colour of each GB 3838 class: blues for I–II, green III, then yellow, orange, red. */
export const WATER_CLASS_COLORS: Record<WaterClass, string> = {
  I: '#2fb8ff',
  II: '#1e7bff',
  III: '#2fd37a',
  IV: '#ffd000',
  V: '#ff7e00',
  劣V: '#ff3b3b',
};

/** i18n key suffix of each class (`劣V` is not a safe key). */
export const WATER_CLASS_KEYS: Record<WaterClass, string> = { I: 'I', II: 'II', III: 'III', IV: 'IV', V: 'V', 劣V: 'worseV' };

/** Sections per class and the share in class III or better. */
export interface WaterMix {
  counts: { waterClass: WaterClass; sections: number }[];
  sections: number;
  /** 0..1; null without a graded section. */
  goodShare: number | null;
}

/**
 * The class mix of the water sections' current readings (graded by the server under
 * GB 3838-2002), every class listed best first, and the III-or-better share as the vital
 * signs count it.
 */
export function waterMix(items: Iterable<Observation>, now: number): WaterMix {
  const by = new Map<WaterClass, number>();
  let sections = 0;
  let good = 0;
  for (const o of currentReadings(items, 'water', now)) {
    const c = o.assessment.waterClass;
    if (!c) continue;
    by.set(c, (by.get(c) ?? 0) + 1);
    sections++;
    if (isClassIIIOrBetter(c)) good++;
  }
  return {
    counts: WATER_CLASSES.map((waterClass) => ({ waterClass, sections: by.get(waterClass) ?? 0 })),
    sections,
    goodShare: sections ? good / sections : null,
  };
}
