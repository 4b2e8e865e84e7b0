import { z } from 'zod';
import { adcode } from '../../../../shared/schemas/common.js';
import { indicatorCode, type Indicator, type IndicatorCode } from '../../../../shared/schemas/indicator.js';
import { INDICATORS, completion, elapsedShare, onPace, type IndicatorKind } from '../../../../shared/domain/economy.js';

/** The amounts a 经济运行 panel leads with, when a screen names none. */
export const DEFAULT_ECONOMY_CODES: IndicatorCode[] = ['gdp', 'industry_va', 'fai', 'retail', 'budget_revenue', 'electricity'];

/** Options of `economy-indicators`: which indicators, of which region (default the city). */
export const economyOptions = z.object({
  codes: z.array(indicatorCode).min(1).max(8).default(DEFAULT_ECONOMY_CODES),
  region: adcode.optional(),
});
export type EconomyOptions = z.infer<typeof economyOptions>;

/** One indicator as the panel shows it. */
export interface EconomyRow {
  code: IndicatorCode;
  kind: IndicatorKind;
  period: string;
  /** 累计 (year to date) value; for a rate, the period's level. */
  value: number | null;
  unit: string;
  /** 累计同比 as a fraction (amounts, indices) or in percentage points (rates). */
  growth: number | null;
  /** Share of the annual target reached (amounts with a target). */
  completion: number | null;
  /** Share of the year elapsed by the period (序时进度), when there is a target. */
  elapsed: number | null;
  /** Completion ÷ elapsed share: ≥ 1 is on pace. */
  onPace: number | null;
}

/**
 * The latest period of each requested indicator for a region, in the requested order
 * (indicators not reported yet are left out). Completion and on-pace come from the server
 * and are derived with the shared calculators when a live update lacks them.
 */
export function economyRows(items: Iterable<Indicator>, region: string, codes: readonly IndicatorCode[]): EconomyRow[] {
  const latest = new Map<IndicatorCode, Indicator>();
  for (const i of items) {
    if (i.region !== region || !codes.includes(i.code)) continue;
    const seen = latest.get(i.code);
    if (!seen || i.period > seen.period) latest.set(i.code, i);
  }
  return codes.flatMap((code) => {
    const i = latest.get(code);
    if (!i) return [];
    const kind = INDICATORS[code].kind;
    const rate = kind === 'rate';
    const target = kind === 'amount' && i.annualTarget !== null;
    return [
      {
        code,
        kind,
        period: i.period,
        value: rate ? i.value : (i.cumulative ?? i.value),
        unit: i.unit || INDICATORS[code].unit,
        growth: rate ? i.yoy : i.cumulativeYoy,
        completion: target ? (i.completion ?? completion(i.cumulative, i.annualTarget)) : null,
        elapsed: target ? elapsedShare(i.period) : null,
        onPace: target ? (i.onPace ?? onPace(i.cumulative, i.annualTarget, i.period)) : null,
      },
    ];
  });
}
