import type { EChartsCoreOption } from 'echarts/core';
import { CHART_COLORS } from '../common/chart-theme.js';

/** Horizontal bars, largest on top, the count at the end of each bar. */
export function categoryBase(): EChartsCoreOption {
  return {
    grid: { left: 8, right: 40, top: 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitNumber: 3, axisLabel: { show: false } },
    yAxis: { type: 'category', inverse: true, data: [], axisLabel: { fontSize: 15, width: 130, overflow: 'truncate' } },
    series: [
      {
        id: 'count',
        type: 'bar',
        data: [],
        barMaxWidth: 16,
        itemStyle: { color: CHART_COLORS.accent, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: CHART_COLORS.text, fontSize: 15 },
      },
    ],
  };
}

/** The merge for the current ranking (a bounded array of at most `limit` bars). */
export function categoryUpdate(rows: readonly { label: string; count: number }[], seriesName: string): EChartsCoreOption {
  return {
    yAxis: { data: rows.map((r) => r.label) },
    series: [{ id: 'count', name: seriesName, data: rows.map((r) => r.count) }],
  };
}
