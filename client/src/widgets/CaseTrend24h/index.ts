import { z } from 'zod';
import { defineWidget } from '../registry.js';
import CaseTrend24h from './CaseTrend24h.vue';

/** Cases reported and closed per hour over the last 24 hours (案件24小时趋势). */
export const caseTrendWidget = defineWidget({
  type: 'case-trend-24h',
  titleKey: 'widgets.caseTrend.title',
  component: CaseTrend24h,
  options: z.object({}),
  sources: () => ['grid'],
  drill: true,
});
