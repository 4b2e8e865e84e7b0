import { z } from 'zod';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';

/** What the districts are ranked by. */
export const rankingMetric = z.enum(['cases', 'overdue', 'closureRate']);
export type RankingMetric = z.infer<typeof rankingMetric>;

export const districtRankingOptions = z.object({ metric: rankingMetric.default('cases') });
export type DistrictRankingOptions = z.infer<typeof districtRankingOptions>;

/** A district's value: cases reported today, overdue cases, or the 7-day closure rate (0..1). */
export function districtValue(v: VitalSigns, metric: RankingMetric): number | null {
  if (metric === 'cases') return v.cases.today;
  if (metric === 'overdue') return v.cases.overdue;
  return v.cases.closureRate;
}

export interface RankedDistrict {
  adcode: string;
  value: number | null;
}

/**
 * The districts' vital signs ranked by a metric, highest first (most cases, most overdue,
 * best closure rate); districts without a value (no case registered yet) come last, then by
 * adcode so the order is stable.
 */
export function rankDistricts(items: Iterable<VitalSigns>, metric: RankingMetric): RankedDistrict[] {
  const rows: RankedDistrict[] = [];
  for (const v of items) if (v.level === 'district') rows.push({ adcode: v.scope, value: districtValue(v, metric) });
  return rows.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.adcode.localeCompare(b.adcode));
}
