import type { IndicatorInput } from '../../shared/schemas/indicator.js';
import type { SimCity } from '../simulator/city.js';
import { hash01 } from '../simulator/rng.js';
import { DISTRICT_GDP_SHARES, type IndicatorSpec } from './indicator-series.js';

/**
 * How far a district's yearly growth may lie from the city's, per indicator: counties differ
 * by a few points in output and consumption, investment swings far more (one large project
 * moves a county's 固定资产投资 by tens of percent).
 */
const GROWTH_SPREAD: Partial<Record<IndicatorSpec['code'], number>> = { fai: 0.08, budget_revenue: 0.04 };
const DEFAULT_SPREAD = 0.025;
/** Month-to-month wobble of a district's share (its own timing of output and spending). */
const PERIOD_WOBBLE = 0.015;

/** Base shares of the city's flows: Yangjiang's known GDP split, else the districts' activity weights. */
export function districtShares(city: SimCity): Array<{ adcode: string; share: number }> {
  const known = city.districts.every((d) => DISTRICT_GDP_SHARES[d.adcode] !== undefined);
  const raw = city.districts.map((d) => ({ adcode: d.adcode, share: known ? DISTRICT_GDP_SHARES[d.adcode]! : d.weight }));
  const total = raw.reduce((s, d) => s + d.share, 0);
  return raw.map((d) => ({ adcode: d.adcode, share: d.share / total }));
}

/**
 * A district's own growth offset for an indicator, in [-spread, +spread]: fixed per city,
 * district and indicator (not per run), so a restarted demo keeps each county's character.
 */
export function growthOffset(city: SimCity, adcode: string, spec: IndicatorSpec): number {
  const spread = GROWTH_SPREAD[spec.code] ?? DEFAULT_SPREAD;
  return (2 * hash01('district-growth', city.adcode, adcode, spec.code) - 1) * spread;
}

/**
 * Each district's share of the city's flow in one period: the base share grown by the
 * district's offset since 2025 and wobbled per period, then normalised so the districts
 * always add up to the city (as a statistics bureau's county table does).
 */
export function periodShares(seed: number, city: SimCity, spec: IndicatorSpec, year: number, index: number | null): Map<string, number> {
  const raw = districtShares(city).map((d) => {
    const grown = d.share * ((1 + spec.growth + growthOffset(city, d.adcode, spec)) / (1 + spec.growth)) ** (year - 2025);
    const wobble = index === null ? 1 : 1 + PERIOD_WOBBLE * (2 * hash01(seed, 'district-share', d.adcode, spec.code, year, index) - 1);
    return [d.adcode, grown * wobble] as const;
  });
  const total = raw.reduce((s, [, v]) => s + v, 0);
  return new Map(raw.map(([a, v]) => [a, v / total]));
}

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

/**
 * The districts' rows of one period of a flow, as county-level statistics are published:
 * value, year-to-date cumulative and annual target, each district growing at its own pace.
 * `cityValues` are the city's period values of the year up to `index`; `cityTarget` its annual target.
 */
export function districtRows(
  seed: number,
  city: SimCity,
  spec: IndicatorSpec,
  year: number,
  index: number,
  period: string,
  cityValues: readonly number[],
  cityTarget: number | undefined,
): IndicatorInput[] {
  const perPeriod = cityValues.map((v, i) => ({ v, shares: periodShares(seed, city, spec, year, i) }));
  const lastYear = periodShares(seed, city, spec, year - 1, null);
  return districtShares(city).map(({ adcode }) => {
    const value = perPeriod[index]!.v * perPeriod[index]!.shares.get(adcode)!;
    const cumulative = perPeriod.reduce((s, p) => s + p.v * p.shares.get(adcode)!, 0);
    // A county's target is set on its own last year's total, as the city's is.
    const target = cityTarget === undefined ? undefined : cityTarget * lastYear.get(adcode)!;
    return {
      code: spec.code,
      region: adcode,
      period,
      value: round(value, 2),
      cumulative: round(cumulative, 2),
      ...(spec.unit ? { unit: spec.unit } : {}),
      ...(target !== undefined ? { annualTarget: round(target, 1) } : {}),
    };
  });
}
