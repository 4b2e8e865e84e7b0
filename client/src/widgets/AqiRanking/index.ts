import { defineWidget } from '../registry.js';
import AqiRanking from './AqiRanking.vue';
import { aqiRankingOptions } from './aqi-ranking.js';

/** Air stations by their latest AQI, coloured by HJ 633 category (空气质量站点排名). */
export const aqiRankingWidget = defineWidget({
  type: 'aqi-ranking',
  titleKey: 'widgets.aqiRanking.title',
  component: AqiRanking,
  options: aqiRankingOptions,
  sources: () => ['air'],
  drill: true,
});
