import { z } from 'zod';
import { defineWidget } from '../registry.js';
import PlanBoard from './PlanBoard.vue';

/** Options of `plan-board`: how many running plans are listed at most (the most overdue first). */
export const planBoardOptions = z.object({ limit: z.number().int().min(1).max(20).default(4) });
export type PlanBoardOptions = z.infer<typeof planBoardOptions>;

/** Running response plans (预案响应): plan, response level, steps done and overdue; the drill's in drill view. */
export const planBoardWidget = defineWidget({
  type: 'plan-board',
  titleKey: 'plans.widget.title',
  component: PlanBoard,
  options: planBoardOptions,
  // Plans follow the alerts: their freshness is the alerts'.
  sources: () => ['alerts'],
  drill: true,
});
