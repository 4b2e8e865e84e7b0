import { z } from 'zod';
import { defineWidget } from '../registry.js';
import EvaluationRanking from './EvaluationRanking.vue';

/** Options of `evaluation-ranking`: how many departments (default 8), and the score under which a bar warns (default 60). */
export const evaluationRankingOptions = z.object({ limit: z.number().int().min(1).max(30).default(8), warnBelow: z.number().min(0).max(100).default(60) });
export type EvaluationRankingOptions = z.infer<typeof evaluationRankingOptions>;

/** 部门综合评价排名: this month's evaluation score of each department (GET /api/v1/evaluation), best on top. */
export const evaluationRankingWidget = defineWidget({
  type: 'evaluation-ranking',
  titleKey: 'grid.widget.title',
  component: EvaluationRanking,
  options: evaluationRankingOptions,
  sources: () => ['grid'],
  drill: false,
});
