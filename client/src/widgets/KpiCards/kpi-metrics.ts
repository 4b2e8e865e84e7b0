import { z } from 'zod';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import { WARNING_LEVEL_ORDER } from '../../../../shared/domain/warning.js';
import type { KpiTarget } from './kpi-targets.js';

/** The vital signs a KPI card can show. */
export const kpiMetric = z.enum(['casesToday', 'openCases', 'overdue', 'closureRate', 'alertsActive', 'aqi', 'waterGood', 'noiseExceeding', 'gdpYoy', 'goodDays', 'pm25Year']);
export type KpiMetric = z.infer<typeof kpiMetric>;

/** How a value reads: a count, a share (0..1 shown as %), a growth rate (signed %), an index, a concentration. */
export type KpiFormat = 'count' | 'share' | 'growth' | 'index' | 'concentration';

/** Where a metric's value comes from in the city's vital signs, and how it reads. */
export interface KpiMetricSpec {
  read(v: VitalSigns): number | null;
  format: KpiFormat;
  /** What a count counts, or a concentration's unit (i18n `widgets.kpi.unit.<unit>`). */
  unit?: 'case' | 'alert' | 'point' | 'ugm3';
  /** A target the vital signs carry themselves (from the city pack), used when the screen sets none. */
  target?(v: VitalSigns): KpiTarget | null;
}

/** Every metric, read from the viewer's vital signs (`shared/contracts/kpi.ts`, `viewer-signs.ts`). */
export const KPI_METRICS: Record<KpiMetric, KpiMetricSpec> = {
  casesToday: { read: (v) => v.cases.today, format: 'count', unit: 'case' },
  openCases: { read: (v) => v.cases.open, format: 'count', unit: 'case' },
  overdue: { read: (v) => v.cases.overdue, format: 'count', unit: 'case' },
  closureRate: { read: (v) => v.cases.closureRate, format: 'share' },
  alertsActive: { read: (v) => WARNING_LEVEL_ORDER.reduce((n, l) => n + v.alerts.active[l], 0), format: 'count', unit: 'alert' },
  // With no station reporting the AQI is unknown, not zero.
  aqi: { read: (v) => (v.air.stations > 0 ? v.air.aqi : null), format: 'index' },
  waterGood: { read: (v) => (v.water.sections > 0 ? v.water.classIIIOrBetter : null), format: 'share' },
  noiseExceeding: { read: (v) => (v.noise.points > 0 ? v.noise.exceeding : null), format: 'count', unit: 'point' },
  gdpYoy: { read: (v) => v.economy.gdpCumulativeYoy, format: 'growth' },
  // Year to date from the daily reports; their targets come from the city pack.
  goodDays: {
    read: (v) => v.airYear.goodDaysRatio,
    format: 'share',
    target: (v) => (v.airYear.goodDaysTarget === null ? null : { bound: 'min', value: v.airYear.goodDaysTarget }),
  },
  pm25Year: {
    read: (v) => v.airYear.pm25Mean,
    format: 'concentration',
    unit: 'ugm3',
    target: (v) => (v.airYear.pm25Target === null ? null : { bound: 'max', value: v.airYear.pm25Target }),
  },
};

/** The cards a screen shows when it names none. */
export const DEFAULT_KPI_METRICS: KpiMetric[] = ['casesToday', 'closureRate', 'overdue', 'alertsActive', 'aqi', 'waterGood'];

/** Options of a `kpi-cards` instance: which metrics, and targets overriding the defaults. */
export const kpiCardsOptions = z.object({
  metrics: z.array(kpiMetric).min(1).max(12).default(DEFAULT_KPI_METRICS),
  targets: z.partialRecord(kpiMetric, z.number()).default({}),
});
export type KpiCardsOptions = z.infer<typeof kpiCardsOptions>;
