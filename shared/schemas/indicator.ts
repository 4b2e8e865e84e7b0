import { z } from 'zod';
import { adcode } from './common.js';

/** Headline economic indicators of 经济运行监测. */
export const indicatorCode = z.enum([
  'gdp', // 地区生产总值, 亿元, quarterly
  'industry_va', // 规上工业增加值, 亿元
  'fai', // 固定资产投资, 亿元
  'retail', // 社会消费品零售总额, 亿元
  'budget_revenue', // 一般公共预算收入, 亿元
  'electricity', // 全社会用电量, 亿千瓦时
  'cpi', // 居民消费价格指数, 上年同期=100
  'unemployment', // 城镇调查失业率, %
]);
export type IndicatorCode = z.infer<typeof indicatorCode>;

/** `2026-10` (monthly) or `2026-Q3` (quarterly). */
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'must be YYYY-MM or YYYY-Qn');

/**
 * One indicator value for a region and period (`POST /api/v1/ingest/indicators`, JSON or CSV
 * with these column names). Growth rates given by the source are kept; missing ones are
 * computed from stored values of the same period last year.
 */
export const indicatorInput = z
  .object({
    code: indicatorCode,
    region: adcode,
    period,
    value: z.number().optional(),
    cumulative: z.number().optional(),
    yoy: z.number().optional(),
    cumulativeYoy: z.number().optional(),
    mom: z.number().optional(),
    unit: z.string().max(20).optional(),
    annualTarget: z.number().positive().optional(),
    exercise: z.boolean().optional(),
  })
  .refine((v) => v.value !== undefined || v.cumulative !== undefined, {
    message: 'value or cumulative is required',
    path: ['value'],
  });
export type IndicatorInput = z.infer<typeof indicatorInput>;

/** A stored indicator with its derived growth and target tracking. */
export const indicator = z.object({
  id: z.string(),
  code: indicatorCode,
  region: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  cumulative: z.number().nullable(),
  yoy: z.number().nullable(),
  cumulativeYoy: z.number().nullable(),
  mom: z.number().nullable(),
  unit: z.string(),
  annualTarget: z.number().nullable(),
  completion: z.number().nullable(),
  onPace: z.number().nullable(),
  /** Drill (exercise) data, kept apart from real figures. */
  exercise: z.boolean(),
  updatedAt: z.string(),
});
export type Indicator = z.infer<typeof indicator>;
