import type { IndicatorCode } from '../../shared/schemas/indicator.js';

/** How one indicator behaves: size, growth, seasonality, target. */
export interface IndicatorSpec {
  code: IndicatorCode;
  frequency: 'month' | 'quarter';
  /** Flows add up over the year; an index or rate does not. */
  kind: 'flow' | 'index' | 'rate';
  unit?: string;
  /** Annual total in 2025 for 2.6 M people (flows), or the typical level (index, rate). */
  level2025: number;
  /** Real-ish yearly growth of the flow. */
  growth: number;
  /** Growth the annual target asks for over last year's total (flows only). */
  targetGrowth?: number;
  /** Share of the year's total per month or quarter (flows), or seasonal offset (index, rate). */
  season: readonly number[];
  /** Relative (flows) or absolute (index, rate) noise amplitude per period. */
  noise: number;
  /** Sent as `text/csv` rather than JSON, as a statistics bureau export would be. */
  csv?: boolean;
}

/**
 * Yangjiang-sized magnitudes (GDP about 1,560 亿元 in 2025; stainless steel, hardware and
 * wind power industry; 社零 close to half of GDP), scaled by population for other cities.
 * Seasonal shares follow the usual shape: Spring Festival lifts retail in January–February,
 * investment is back-loaded to year end, summer air-conditioning lifts electricity.
 */
export const INDICATOR_SPECS: readonly IndicatorSpec[] = [
  {
    code: 'gdp',
    frequency: 'quarter',
    kind: 'flow',
    unit: '亿元',
    level2025: 1560,
    growth: 0.045,
    targetGrowth: 0.05,
    season: [0.225, 0.245, 0.25, 0.28],
    noise: 0.01,
  },
  {
    code: 'industry_va',
    frequency: 'month',
    kind: 'flow',
    unit: '亿元',
    level2025: 430,
    growth: 0.06,
    targetGrowth: 0.065,
    season: [0.07, 0.06, 0.085, 0.082, 0.085, 0.087, 0.083, 0.083, 0.086, 0.085, 0.09, 0.104],
    noise: 0.03,
  },
  {
    code: 'fai',
    frequency: 'month',
    kind: 'flow',
    unit: '亿元',
    level2025: 600,
    growth: -0.02,
    targetGrowth: 0.03,
    season: [0.04, 0.04, 0.08, 0.075, 0.085, 0.11, 0.08, 0.08, 0.095, 0.085, 0.09, 0.14],
    noise: 0.06,
  },
  {
    code: 'retail',
    frequency: 'month',
    kind: 'flow',
    unit: '亿元',
    level2025: 780,
    growth: 0.035,
    targetGrowth: 0.05,
    season: [0.092, 0.088, 0.08, 0.078, 0.082, 0.08, 0.078, 0.08, 0.083, 0.088, 0.085, 0.086],
    noise: 0.02,
  },
  {
    code: 'budget_revenue',
    frequency: 'month',
    kind: 'flow',
    unit: '亿元',
    level2025: 74,
    growth: 0.02,
    targetGrowth: 0.03,
    season: [0.12, 0.07, 0.08, 0.1, 0.08, 0.085, 0.08, 0.07, 0.08, 0.08, 0.07, 0.085],
    noise: 0.05,
  },
  {
    code: 'electricity',
    frequency: 'month',
    kind: 'flow',
    unit: '亿千瓦时',
    level2025: 215,
    growth: 0.055,
    targetGrowth: 0.05,
    season: [0.075, 0.065, 0.078, 0.08, 0.088, 0.093, 0.1, 0.1, 0.09, 0.083, 0.074, 0.074],
    noise: 0.02,
    csv: true,
  },
  {
    code: 'cpi',
    frequency: 'month',
    kind: 'index',
    level2025: 100.2,
    growth: 0,
    season: [0.4, 0.5, -0.1, -0.2, -0.1, 0, 0.1, 0.1, 0, -0.1, -0.2, -0.1],
    noise: 0.3,
  },
  {
    code: 'unemployment',
    frequency: 'month',
    kind: 'rate',
    unit: '%',
    level2025: 5.0,
    growth: 0,
    season: [0.1, 0.3, 0.25, 0.1, 0, 0.05, 0.2, 0.15, 0, -0.1, -0.15, -0.1],
    noise: 0.1,
    csv: true,
  },
];

/**
 * GDP shares of the default city's districts (江城区 urban core, 阳春市 the largest county);
 * other cities split by their districts' activity weights.
 */
export const DISTRICT_GDP_SHARES: Record<string, number> = { '441702': 0.3, '441704': 0.24, '441721': 0.2, '441781': 0.26 };
