import { defineWidget } from '../registry.js';
import KpiCards from './KpiCards.vue';
import { kpiCardsOptions } from './kpi-metrics.js';

/** Vital-sign cards (城市运行体征): value, target and the last hour's trend of each metric. */
export const kpiCardsWidget = defineWidget({
  type: 'kpi-cards',
  titleKey: 'widgets.kpi.title',
  component: KpiCards,
  options: kpiCardsOptions,
  sources: () => ['kpi'],
  drill: true,
});
