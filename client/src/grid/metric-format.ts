import type { HeatmapMetric, IndicatorName } from '../../../shared/contracts/evaluation.js';
import type { Formatter } from '../widgets/common/format.js';
import { highIsGood, isRate } from './cell-scale.js';
import { growth, pointsChange } from './period.js';

/** How a figure reads: a share 0..1 or not, and whether more of it is better. */
export interface FigureKind {
  rate: boolean;
  highIsGood: boolean;
  /** Decimals shown for a figure that is not a rate. */
  digits: number;
}

/** A heatmap metric's kind. */
export const metricKind = (metric: HeatmapMetric): FigureKind => ({
  rate: isRate(metric),
  highIsGood: highIsGood(metric),
  digits: metric === 'avgHandlingHours' || metric === 'density' ? 1 : 0,
});

/** Indicators where more is worse (DOMAIN.md: 返工率, 平均处置时长, 督办数). */
const LOW_IS_GOOD: ReadonlySet<IndicatorName> = new Set(['sendBackRate', 'avgHandlingHours', 'supervised']);

/** An evaluation indicator's kind: the `…Rate` ones are shares; counts are neither good nor bad but read as "more is better" (work done). */
export const indicatorKind = (name: IndicatorName): FigureKind => ({
  rate: name.endsWith('Rate'),
  highIsGood: !LOW_IS_GOOD.has(name),
  digits: name === 'avgHandlingHours' ? 1 : 0,
});

/** A figure as people read it: rates as percentages, hours and densities to one decimal, counts whole. */
export function formatFigure(fmt: Formatter, kind: FigureKind, v: number | null | undefined): string {
  return kind.rate ? fmt.percent(v) : fmt.num(v, kind.digits);
}

/** A comparison (环比 or 同比): its text, its direction and whether it is a change for the worse. */
export interface Change {
  text: string;
  direction: 'up' | 'down' | 'flat' | null;
  worse: boolean;
}

/**
 * How a value compares with a base: a rate by its change in percentage points (80 % → 90 % is
 * +10 points, not +12.5 %), anything else by its growth; worse when it moved the wrong way for
 * the figure (more overdue, a lower closure rate). No base, or a zero base for a growth: "—".
 */
export function compare(fmt: Formatter, kind: FigureKind, value: number | null | undefined, base: number | null | undefined): Change {
  const d = kind.rate ? pointsChange(value, base) : growth(value, base);
  if (d === null) return { text: '—', direction: null, worse: false };
  const direction = Math.abs(d) < 1e-9 ? 'flat' : d > 0 ? 'up' : 'down';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '＝';
  const text = kind.rate ? `${arrow} ${d > 0 ? '+' : ''}${fmt.num(d * 100, 1)}pt` : `${arrow} ${fmt.growth(d)}`;
  return { text, direction, worse: direction !== 'flat' && (direction === 'up') !== kind.highIsGood };
}
