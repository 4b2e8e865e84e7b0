import type { HeatmapCell, HeatmapMetric } from '../../../shared/contracts/evaluation.js';
import { niceStep } from '../model/aggregates/nice-step.js';

/** Metrics where more is better (a rate of cases closed); for every other one more is worse. */
const HIGH_IS_GOOD: ReadonlySet<HeatmapMetric> = new Set(['closureRate', 'onTimeClosureRate']);

/** Metrics that are shares 0..1. */
const RATES: ReadonlySet<HeatmapMetric> = new Set(['closureRate', 'onTimeClosureRate']);

/**
 * Cell fills from calm to alarming: light tints (drawn half transparent) so the district
 * boundaries, the basemap and the markers stay readable through them.
 */
export const CELL_RAMP = ['#9be7ff', '#c6f08c', '#ffe27a', '#ffad5c', '#ff6b6b'] as const;

/** Opacity of a cell's fill. */
export const CELL_OPACITY = 0.42;

/**
 * Classes of the cell map: `breaks[i]` is the inclusive upper bound of class i (the last is
 * open-ended), `colors` one per class in value order.
 */
export interface CellScale {
  metric: HeatmapMetric;
  breaks: number[];
  colors: string[];
}

/** Whether a higher value of `metric` is better. */
export const highIsGood = (metric: HeatmapMetric): boolean => HIGH_IS_GOOD.has(metric);

/** Whether `metric` is a share 0..1. */
export const isRate = (metric: HeatmapMetric): boolean => RATES.has(metric);

/**
 * The scale for a metric given the cells' values. Rates have fixed classes (below 60 %, 60–75,
 * 75–90, above 90 %) so a colour keeps one meaning from day to day; counts, densities and hours
 * get five classes of a nice width up to the largest cell, so a quiet week and a busy one both
 * show contrast.
 */
export function cellScale(metric: HeatmapMetric, values: Iterable<number | null>): CellScale {
  if (isRate(metric)) return { metric, breaks: [0.6, 0.75, 0.9], colors: [CELL_RAMP[4], CELL_RAMP[3], CELL_RAMP[2], CELL_RAMP[0]] };
  let max = 0;
  for (const v of values) if (v !== null && Number.isFinite(v) && v > max) max = v;
  const step = niceStep(max / CELL_RAMP.length);
  return { metric, breaks: CELL_RAMP.slice(1).map((_, i) => step * (i + 1)), colors: [...CELL_RAMP] };
}

/** The fill of a value; null leaves the cell unfilled (nothing to measure). */
export function cellColor(scale: CellScale, value: number | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const i = scale.breaks.findIndex((b) => value <= b);
  return scale.colors[i === -1 ? scale.breaks.length : i]!;
}

/** The value range of each class (`from` null for the first, `to` null for the open-ended last), for the legend. */
export function scaleRanges(scale: CellScale): Array<{ from: number | null; to: number | null; color: string }> {
  return scale.colors.map((color, i) => ({ from: i === 0 ? null : scale.breaks[i - 1]!, to: scale.breaks[i] ?? null, color }));
}

/**
 * Whether a cell has something to show for the period: a value, and either cases in the period
 * or a non-zero value (cases reported earlier still overdue). A cell that only had cases in the
 * comparison periods (a zero now) stays blank rather than tiling the district in calm colour.
 */
export function isMeasured(c: HeatmapCell): boolean {
  return c.value !== null && Number.isFinite(c.value) && (c.count > 0 || c.value !== 0);
}

/**
 * The `n` worst and `n` best cells by the metric (cells not {@link isMeasured} are left out; a
 * tie is broken by the larger sample first). Worst: the highest value where more is worse, the
 * lowest where more is better.
 */
export function rankCells(cells: readonly HeatmapCell[], metric: HeatmapMetric, n: number): { worst: HeatmapCell[]; best: HeatmapCell[] } {
  const sign = highIsGood(metric) ? 1 : -1;
  const measured = cells.filter(isMeasured);
  const worstFirst = [...measured].sort((a, b) => sign * (a.value! - b.value!) || b.count - a.count);
  const bestFirst = [...measured].sort((a, b) => -sign * (a.value! - b.value!) || b.count - a.count);
  return { worst: worstFirst.slice(0, n), best: bestFirst.slice(0, n) };
}
