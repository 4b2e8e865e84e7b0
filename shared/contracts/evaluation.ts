/**
 * Answers of the grid-management analysis endpoints: the unit-grid heatmap
 * (`GET /api/v1/heatmap`, `GET /api/v1/heatmap/cells/:cell/trend`) and the city-management
 * evaluation (综合评价, `GET /api/v1/evaluation` and `.csv`). Indicators follow DOMAIN.md
 * "Digital city-management cases"; every figure comes from the case rollups.
 */

/** Metrics a heatmap cell can show. */
export const HEATMAP_METRICS = ['count', 'density', 'closureRate', 'onTimeClosureRate', 'overdue', 'avgHandlingHours', 'sendBacks', 'hotline'] as const;
export type HeatmapMetric = (typeof HEATMAP_METRICS)[number];

/** H3 resolutions of the heatmap: 10 is the unit grid (~万米 cell), 9/8/7 coarser. */
export const HEATMAP_RESOLUTIONS = [10, 9, 8, 7] as const;
export type HeatmapResolution = (typeof HEATMAP_RESOLUTIONS)[number];

/** Groupings of the evaluation. */
export const EVALUATION_GROUPS = ['department', 'district', 'cell', 'source'] as const;
export type EvaluationGroup = (typeof EVALUATION_GROUPS)[number];

/** The indicators of one group over one period. Rates are 0..1, or null when the denominator is 0. */
export interface Indicators {
  /** 上报数: cases reported in the period. */
  reported: number;
  /** 立案数: cases registered in the period. */
  registered: number;
  /** 派遣数: cases dispatched in the period. */
  dispatched: number;
  /** 结案数: cases closed in the period. */
  closed: number;
  /** 按时立案率: registered within the registration time limit ÷ registered. */
  onTimeRegistrationRate: number | null;
  /** 准确派遣率: dispatched once (not re-dispatched) ÷ dispatched. */
  accurateDispatchRate: number | null;
  /** 处置率: fed back ÷ due to be fed back. */
  disposalRate: number | null;
  /** 按期处置率: fed back before the deadline ÷ due. */
  onTimeDisposalRate: number | null;
  /** 结案率: closed ÷ registered. */
  closureRate: number | null;
  /** 按期结案率: closed with feedback before the deadline ÷ due to be closed. */
  onTimeClosureRate: number | null;
  /** 返工率: sent back after feedback ÷ fed back. */
  sendBackRate: number | null;
  /** 平均处置时长: mean hours from dispatch to feedback, in the category's clock; null without feedback. */
  avgHandlingHours: number | null;
  /** 督办数: overdue cases formally supervised. */
  supervised: number;
}
export type IndicatorName = keyof Indicators;

/** Indicator names in the order tables and the CSV show them. */
export const INDICATOR_NAMES: readonly IndicatorName[] = [
  'reported',
  'registered',
  'dispatched',
  'closed',
  'onTimeRegistrationRate',
  'accurateDispatchRate',
  'disposalRate',
  'onTimeDisposalRate',
  'closureRate',
  'onTimeClosureRate',
  'sendBackRate',
  'avgHandlingHours',
  'supervised',
];

/** Weights of the score, from the city pack's `evaluationWeights`. */
export type EvaluationWeights = Partial<Record<IndicatorName, number>>;

/** One heatmap cell: its value in the period, the previous period (环比) and last year (同比). */
export interface HeatmapCell {
  /** H3 cell index at the answer's resolution. */
  cell: string;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** Cases reported in the cell in the period (the sample behind the value). */
  count: number;
}

/**
 * A period and the two it is compared with, ISO 8601 UTC, `to` exclusive. 环比 is the previous
 * calendar period for a calendar period (`period=`), else the period of equal length before;
 * a period still running is read until now and compared with as much of the others.
 */
export interface ComparedSpans {
  from: string;
  to: string;
  /** The period before (环比). */
  previousFrom: string;
  previousTo: string;
  /** The same period one year earlier (同比). */
  lastYearFrom: string;
  lastYearTo: string;
}

export interface HeatmapAnswer extends ComparedSpans {
  metric: HeatmapMetric;
  resolution: HeatmapResolution;
  cells: HeatmapCell[];
}

export interface HeatmapTrendPoint {
  /** Local day (the city's UTC offset), YYYY-MM-DD. */
  day: string;
  value: number | null;
}

export interface HeatmapTrendAnswer {
  points: HeatmapTrendPoint[];
}

export interface EvaluationRow {
  /** Department code, district adcode, H3 cell or source name. */
  key: string;
  /** Display name (department or district name; the key itself for cells and sources). */
  name: string;
  indicators: Indicators;
  /** Weighted score 0..100 from the city pack's weights. */
  score: number;
  /** 1 = best score; equal scores share a rank. */
  rank: number;
  /** The period before (环比, see {@link ComparedSpans}), null when nothing was recorded then. */
  previous: Indicators | null;
  /** The same period last year (同比), null when nothing was recorded then. */
  lastYear: Indicators | null;
}

export interface EvaluationAnswer extends ComparedSpans {
  by: EvaluationGroup;
  weights: EvaluationWeights;
  rows: EvaluationRow[];
}
