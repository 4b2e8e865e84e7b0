import type { KpiMetric } from './kpi-metrics.js';

/** A target: the value must stay at or below (`max`) or reach at least (`min`) `value`. */
export interface KpiTarget {
  bound: 'max' | 'min';
  value: number;
}

/**
 * Default targets of the vital signs, overridable per screen (`options.targets`). They are
 * the product's defaults, not law; a city sets its own:
 * - closure rate ≥ 90 % — the usual 结案率 benchmark of digital city-management evaluation;
 * - AQI ≤ 100 — 优 or 良 (HJ 633 categories 1–2);
 * - water sections in class III or better ≥ 80 % — the 优良水体比例 kind of target;
 * - overdue cases and noise points over their limit: 0;
 * - GDP cumulative growth ≥ 5 % — a typical annual growth target.
 * Counts without a natural target (cases today, open cases, active alerts) have none.
 */
export const DEFAULT_KPI_TARGETS: Partial<Record<KpiMetric, KpiTarget>> = {
  closureRate: { bound: 'min', value: 0.9 },
  aqi: { bound: 'max', value: 100 },
  waterGood: { bound: 'min', value: 0.8 },
  overdue: { bound: 'max', value: 0 },
  noiseExceeding: { bound: 'max', value: 0 },
  gdpYoy: { bound: 'min', value: 0.05 },
};

/** The target of a metric after a screen's overrides (which keep the default bound). */
export function targetOf(metric: KpiMetric, overrides: Partial<Record<KpiMetric, number>> = {}): KpiTarget | null {
  const base = DEFAULT_KPI_TARGETS[metric];
  if (!base) return null;
  const value = overrides[metric];
  return value === undefined ? base : { bound: base.bound, value };
}

/** Whether a value meets its target; `none` without a target or without a value. */
export type TargetStatus = 'met' | 'missed' | 'none';

export function targetStatus(value: number | null, target: KpiTarget | null): TargetStatus {
  if (value === null || !target) return 'none';
  return (target.bound === 'max' ? value <= target.value : value >= target.value) ? 'met' : 'missed';
}
