import type { IndicatorCode } from '../schemas/indicator.js';
import { elapsedShare } from './period.js';

export type { IndicatorCode } from '../schemas/indicator.js';
export { elapsedShare, formatPeriod, nextPeriod, parsePeriod, periodAt, previousPeriod, samePeriodLastYear, samePeriodNextYear, type Period } from './period.js';

/**
 * How an indicator's values behave:
 * - `amount`: a quantity (亿元, 亿千瓦时); growth is a ratio, targets apply.
 * - `index`: CPI given as an index with the same period last year = 100 (上年同期=100), so the
 *   value itself states the 同比: yoy = index / 100 − 1.
 * - `rate`: a percentage level (surveyed unemployment, %); changes are percentage points.
 * Targets and completion apply to amounts only.
 */
export type IndicatorKind = 'amount' | 'index' | 'rate';

export interface IndicatorMeta {
  kind: IndicatorKind;
  unit: string;
  frequency: 'month' | 'quarter';
  nameZh: string;
  nameEn: string;
}

/** The headline indicators of 经济运行监测. */
export const INDICATORS: Record<IndicatorCode, IndicatorMeta> = {
  gdp: { kind: 'amount', unit: '亿元', frequency: 'quarter', nameZh: '地区生产总值', nameEn: 'GDP' },
  industry_va: { kind: 'amount', unit: '亿元', frequency: 'month', nameZh: '规上工业增加值', nameEn: 'Industrial value added' },
  fai: { kind: 'amount', unit: '亿元', frequency: 'month', nameZh: '固定资产投资', nameEn: 'Fixed-asset investment' },
  retail: { kind: 'amount', unit: '亿元', frequency: 'month', nameZh: '社会消费品零售总额', nameEn: 'Retail sales' },
  budget_revenue: { kind: 'amount', unit: '亿元', frequency: 'month', nameZh: '一般公共预算收入', nameEn: 'Budget revenue' },
  electricity: { kind: 'amount', unit: '亿千瓦时', frequency: 'month', nameZh: '全社会用电量', nameEn: 'Electricity consumption' },
  cpi: { kind: 'index', unit: '上年同期=100', frequency: 'month', nameZh: '居民消费价格指数', nameEn: 'CPI' },
  unemployment: { kind: 'rate', unit: '%', frequency: 'month', nameZh: '城镇调查失业率', nameEn: 'Surveyed unemployment rate' },
};

type Num = number | null | undefined;

function usable(x: Num): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Growth as a fraction: current ÷ base − 1 (0.053 = +5.3 %). Null without a positive base. */
export function growthRate(current: Num, base: Num): number | null {
  return usable(current) && usable(base) && base > 0 ? current / base - 1 : null;
}

/** Change of a rate in percentage points (5.2 % after 5.0 % → 0.2). */
export function pointChange(current: Num, base: Num): number | null {
  return usable(current) && usable(base) ? current - base : null;
}

/** 同比 from an index with the same period last year = 100 (CPI 101.2 → 0.012). */
export function growthFromIndex(index: Num): number | null {
  return usable(index) && index > 0 ? index / 100 - 1 : null;
}

/** Target completion: cumulative ÷ annual target (1 = target met). */
export function completion(cumulative: Num, annualTarget: Num): number | null {
  return usable(cumulative) && usable(annualTarget) && annualTarget > 0 ? cumulative / annualTarget : null;
}

/** On-pace ratio: cumulative ÷ (annual target × elapsed share of the year); 1 = exactly on pace. */
export function onPace(cumulative: Num, annualTarget: Num, period: string): number | null {
  const share = elapsedShare(period);
  return usable(annualTarget) ? completion(cumulative, annualTarget * share) : null;
}

/** The values of one indicator for one period, as far as known. */
export interface IndicatorValues {
  value?: Num;
  cumulative?: Num;
}

export interface DerivedIndicator {
  yoy: number | null;
  cumulativeYoy: number | null;
  mom: number | null;
  completion: number | null;
  onPace: number | null;
}

/**
 * Derives growth and target tracking for one indicator row. Rates given by the source win
 * over computed ones. Growth of amounts is a fraction (cumulative growth from cumulative
 * values, never averaged); CPI growth comes from its own index (a 环比 needs the 上月=100 index,
 * so it is only ever the given one); unemployment changes are percentage points.
 */
export function deriveIndicator(
  row: IndicatorValues & { code: IndicatorCode; period: string; annualTarget?: Num; yoy?: Num; cumulativeYoy?: Num; mom?: Num },
  refs: { lastYear?: IndicatorValues | null; previous?: IndicatorValues | null } = {},
): DerivedIndicator {
  const { kind } = INDICATORS[row.code];
  const given = (x: Num): number | null => (usable(x) ? x : null);
  const ly = refs.lastYear ?? {};
  const prev = refs.previous ?? {};
  const computed: Omit<DerivedIndicator, 'completion' | 'onPace'> =
    kind === 'amount'
      ? { yoy: growthRate(row.value, ly.value), cumulativeYoy: growthRate(row.cumulative, ly.cumulative), mom: growthRate(row.value, prev.value) }
      : kind === 'index'
        ? { yoy: growthFromIndex(row.value), cumulativeYoy: growthFromIndex(row.cumulative), mom: null }
        : { yoy: pointChange(row.value, ly.value), cumulativeYoy: pointChange(row.cumulative, ly.cumulative), mom: pointChange(row.value, prev.value) };
  const amount = kind === 'amount';
  return {
    yoy: given(row.yoy) ?? computed.yoy,
    cumulativeYoy: given(row.cumulativeYoy) ?? computed.cumulativeYoy,
    mom: given(row.mom) ?? computed.mom,
    completion: amount ? completion(row.cumulative, row.annualTarget) : null,
    onPace: amount ? onPace(row.cumulative, row.annualTarget, row.period) : null,
  };
}
