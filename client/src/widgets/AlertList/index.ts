import { z } from 'zod';
import { defineWidget } from '../registry.js';
import AlertList from './AlertList.vue';

/** Options of `alert-list`: how many alerts are listed at most (the severe ones first). */
export const alertListOptions = z.object({ limit: z.number().int().min(1).max(50).default(12) });
export type AlertListOptions = z.infer<typeof alertListOptions>;

/** Running alerts grouped by warning level with their acknowledgement state (预警签收). */
export const alertListWidget = defineWidget({
  type: 'alert-list',
  titleKey: 'widgets.alertList.title',
  component: AlertList,
  options: alertListOptions,
  sources: () => ['alerts'],
  drill: true,
});
