import { z } from 'zod';
import { defineWidget } from '../registry.js';
import PollutantTrend from './PollutantTrend.vue';

/** City hourly means of PM2.5, PM10, O₃ and NO₂ over the last 24 hours (主要污染物24小时趋势). */
export const pollutantTrendWidget = defineWidget({
  type: 'pollutant-trend',
  titleKey: 'widgets.pollutantTrend.title',
  component: PollutantTrend,
  options: z.object({}),
  sources: () => ['air'],
  drill: true,
});
