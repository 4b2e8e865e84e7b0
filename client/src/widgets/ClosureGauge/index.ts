import { z } from 'zod';
import { defineWidget } from '../registry.js';
import ClosureGauge from './ClosureGauge.vue';

/** Options of `closure-gauge`: the target rate (0..1), default that of the KPI cards (90 %). */
export const closureGaugeOptions = z.object({ target: z.number().gt(0).max(1).optional() });
export type ClosureGaugeOptions = z.infer<typeof closureGaugeOptions>;

/** The city's case closure rate against its target (结案率). */
export const closureGaugeWidget = defineWidget({
  type: 'closure-gauge',
  titleKey: 'widgets.closureGauge.title',
  component: ClosureGauge,
  options: closureGaugeOptions,
  sources: () => ['kpi'],
  drill: true,
});
