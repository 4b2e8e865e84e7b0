import type { EChartsCoreOption } from 'echarts/core';
import { CHART_COLORS } from '../common/chart-theme.js';

/** The fixed part of the chart: axes, legend, the two series by id. */
export function caseTrendBase(): EChartsCoreOption {
  return {
    grid: { left: 8, right: 12, top: 34, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, right: 4 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [], axisLabel: { interval: 3 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { id: 'reported', type: 'bar', data: [], barMaxWidth: 12, itemStyle: { color: CHART_COLORS.accent } },
      { id: 'closed', type: 'line', data: [], smooth: true, symbol: 'none', lineStyle: { width: 2, color: CHART_COLORS.ok }, itemStyle: { color: CHART_COLORS.ok } },
    ],
  };
}

/**
 * The merge that shows a window of hours: hour labels and the two bounded data arrays,
 * with the series names in the current language.
 */
export function caseTrendUpdate(hours: readonly { hour: number; reported: number; closed: number }[], names: { reported: string; closed: string }, label: (hour: number) => string): EChartsCoreOption {
  return {
    xAxis: { data: hours.map((h) => label(h.hour)) },
    series: [
      { id: 'reported', name: names.reported, data: hours.map((h) => h.reported) },
      { id: 'closed', name: names.closed, data: hours.map((h) => h.closed) },
    ],
  };
}
