import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import { KPI_METRICS, type KpiFormat, type KpiMetric, type KpiMetricSpec } from './kpi-metrics.js';
import { targetOf, targetStatus, type KpiTarget, type TargetStatus } from './kpi-targets.js';
import type { KpiSample } from './kpi-history.js';
import type { SparkPoint } from './sparkline.js';

/** What one card shows. */
export interface KpiCardModel {
  metric: KpiMetric;
  value: number | null;
  format: KpiFormat;
  unit: KpiMetricSpec['unit'];
  target: KpiTarget | null;
  status: TargetStatus;
  /** The last hour of the metric, ending with the current value now. */
  trend: SparkPoint[];
}

/** The card of one metric from the current city vital signs and the recorded hour. */
export function kpiCardModel(metric: KpiMetric, signs: VitalSigns | null, samples: readonly KpiSample[], overrides: Partial<Record<KpiMetric, number>>, now: number): KpiCardModel {
  const spec = KPI_METRICS[metric];
  const value = signs ? spec.read(signs) : null;
  const target = targetOf(metric, overrides) ?? (signs && spec.target?.(signs)) ?? null;
  const trend = samples.map((s) => ({ at: s.at, value: spec.read(s.signs) }));
  if (signs) trend.push({ at: now, value });
  return { metric, value, format: spec.format, unit: spec.unit, target, status: targetStatus(value, target), trend };
}
