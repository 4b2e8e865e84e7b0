import type { VitalSigns } from '../../../shared/contracts/kpi.js';
import { AQI_CATEGORIES } from '../../../shared/domain/aqi-breakpoints.js';
import { WARNING_LEVEL_ORDER } from '../../../shared/domain/warning.js';
import { niceStep } from '../model/aggregates/nice-step.js';
import { COUNT_RAMP, GROWTH_RAMP, OVERDUE_RAMP, RATE_RAMP } from './palette.js';

/** District metrics the choropleth can show. */
export const CHOROPLETH_METRICS = ['cases', 'overdue', 'closureRate', 'aqi', 'gdpGrowth', 'alerts'] as const;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];

/** The metric's value in one district's vital signs; null when there is nothing to measure. */
export function metricValue(metric: ChoroplethMetric, v: VitalSigns): number | null {
  switch (metric) {
    case 'cases':
      return v.cases.today;
    case 'overdue':
      return v.cases.overdue;
    case 'closureRate':
      return v.cases.closureRate;
    case 'aqi':
      return v.air.aqi;
    case 'alerts':
      // Warnings in force for the district (active or acknowledged, any level).
      return WARNING_LEVEL_ORDER.reduce((n, l) => n + v.alerts.active[l], 0);
    case 'gdpGrowth':
      // GDP 累计同比 of the district, as the statistics bureau publishes it per county.
      return v.economy.gdpCumulativeYoy;
  }
}

/** Each district's value of a metric, by adcode, from the vital signs in the KPI store. */
export function districtValues(metric: ChoroplethMetric, signs: Iterable<VitalSigns>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const v of signs) if (v.level === 'district') out.set(v.scope, metricValue(metric, v));
  return out;
}

/**
 * Classes of a choropleth: `breaks[i]` is the inclusive upper bound of class i, the last
 * class is open-ended, and `colors` has one colour per class.
 */
export interface ChoroplethScale {
  metric: ChoroplethMetric;
  breaks: number[];
  colors: readonly string[];
}

/**
 * The scale for a metric given the current values. Counts get five equal classes of a nice
 * width up to the largest district, so the map keeps contrast on a quiet day and a busy one;
 * the closure rate, GDP growth and the AQI have fixed classes (the AQI's are the HJ 633 categories) so
 * their colours keep one meaning.
 */
export function choroplethScale(metric: ChoroplethMetric, values: Iterable<number | null>): ChoroplethScale {
  if (metric === 'aqi') {
    return { metric, breaks: AQI_CATEGORIES.slice(0, -1).map((c) => c.max), colors: AQI_CATEGORIES.map((c) => c.color) };
  }
  if (metric === 'closureRate') return { metric, breaks: [0.6, 0.75, 0.9], colors: RATE_RAMP };
  // Around the usual 5 % growth target: below zero, under 3 %, 3–5 %, 5–7 %, above.
  if (metric === 'gdpGrowth') return { metric, breaks: [0, 0.03, 0.05, 0.07], colors: GROWTH_RAMP };
  let max = 0;
  for (const v of values) if (v !== null && v > max) max = v;
  const ramp = metric === 'overdue' ? OVERDUE_RAMP : COUNT_RAMP;
  const step = niceStep(max / ramp.length);
  return { metric, breaks: ramp.slice(1).map((_, i) => step * (i + 1)), colors: ramp };
}

/** The class of a value on a scale. */
export function classOf(scale: ChoroplethScale, value: number): number {
  const i = scale.breaks.findIndex((b) => value <= b);
  return i === -1 ? scale.breaks.length : i;
}

/** The fill of a value; null leaves the district unfilled (no data). */
export function colorFor(scale: ChoroplethScale, value: number | null): string | null {
  return value === null || !Number.isFinite(value) ? null : scale.colors[classOf(scale, value)]!;
}

/** The value range of each class (`to` null for the open-ended last one), for the legend. */
export function classRanges(scale: ChoroplethScale): Array<{ from: number | null; to: number | null; color: string }> {
  return scale.colors.map((color, i) => ({ from: i === 0 ? null : scale.breaks[i - 1]!, to: scale.breaks[i] ?? null, color }));
}
