import type { EChartsCoreOption } from 'echarts/core';
import { TREND_POLLUTANTS, type TrendPollutant } from '../../../../shared/contracts/stats.js';
import { POLLUTANT_LABELS } from '../../../../shared/domain/aqi.js';

/** One line per pollutant, identified by id so updates merge into them. */
export function pollutantBase(unit: string): EChartsCoreOption {
  return {
    grid: { left: 8, right: 12, top: 34, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, right: 4 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [], boundaryGap: false, axisLabel: { interval: 3 } },
    yAxis: { type: 'value', name: unit, nameGap: 8, min: 0 },
    series: TREND_POLLUTANTS.map((p) => ({ id: p, name: POLLUTANT_LABELS[p], type: 'line', data: [], smooth: true, symbol: 'none', connectNulls: false, lineStyle: { width: 2 } })),
  };
}

/** The merge for a window of hourly means (one bounded array per pollutant; null = no reading). */
export function pollutantUpdate(hours: readonly { hour: number; means: Record<TrendPollutant, number | null> }[], label: (hour: number) => string): EChartsCoreOption {
  return {
    xAxis: { data: hours.map((h) => label(h.hour)) },
    series: TREND_POLLUTANTS.map((p) => ({ id: p, data: hours.map((h) => (h.means[p] === null ? null : Math.round(h.means[p] * 10) / 10)) })),
  };
}
