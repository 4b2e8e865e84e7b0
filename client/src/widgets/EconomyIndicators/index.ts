import { defineWidget } from '../registry.js';
import EconomyIndicators from './EconomyIndicators.vue';
import { economyOptions } from './economy-rows.js';

/** Economic indicators: 累计 value, 累计同比, target completion against 序时进度 (经济运行). */
export const economyIndicatorsWidget = defineWidget({
  type: 'economy-indicators',
  titleKey: 'widgets.economy.title',
  component: EconomyIndicators,
  options: economyOptions,
  sources: () => ['economy'],
  drill: true,
});
