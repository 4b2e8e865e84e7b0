import { z } from 'zod';
import { defineWidget } from '../registry.js';
import AlertTicker from './AlertTicker.vue';

/** Options of `alert-ticker`: how many running alerts scroll by (most severe first). */
export const alertTickerOptions = z.object({ limit: z.number().int().min(1).max(50).default(20) });
export type AlertTickerOptions = z.infer<typeof alertTickerOptions>;

/** Running alerts scrolling by, coloured by warning level (预警滚动). */
export const alertTickerWidget = defineWidget({
  type: 'alert-ticker',
  titleKey: 'widgets.alertTicker.title',
  component: AlertTicker,
  options: alertTickerOptions,
  sources: () => ['alerts'],
  drill: true,
});
