import type { EChartsCoreOption } from 'echarts/core';
import { CHART_COLORS } from '../common/chart-theme.js';

/** Horizontal bars, first place on top; a rate's axis spans 0–100 %. */
export function rankingBase(rate: boolean): EChartsCoreOption {
  return {
    // A rate has its target line, labelled above the bars (the inverse axis starts at the top).
    grid: { left: 8, right: 64, top: rate ? 26 : 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', splitNumber: 3, min: 0, max: rate ? 1 : undefined, minInterval: rate ? 0 : 1, axisLabel: { show: false } },
    yAxis: { type: 'category', inverse: true, data: [], axisLabel: { fontSize: 15 } },
    series: [{ id: 'value', type: 'bar', data: [], barMaxWidth: 16, label: { show: true, position: 'right', color: CHART_COLORS.text, fontSize: 15 } }],
  };
}

/** A bar: its value and whether it needs attention (drawn in the warning colour). */
export interface RankingBar {
  label: string;
  value: number | null;
  alert: boolean;
}

const labelFormatters = new WeakMap<(v: number | null) => string, (p: { value: number | null }) => string>();

/** One label formatter per `show`, so an unchanged ranking makes an unchanged merge (see useECharts). */
function labelFormatter(show: (v: number | null) => string): (p: { value: number | null }) => string {
  let f = labelFormatters.get(show);
  if (!f) labelFormatters.set(show, (f = (p) => show(p.value)));
  return f;
}

/**
 * The merge for a ranking: names, values (an unknown one as an empty bar), colours, the
 * value labels formatted by `show`, and the target as a line when there is one.
 */
export function rankingUpdate(bars: readonly RankingBar[], seriesName: string, show: (v: number | null) => string, target: { value: number; label: string } | null): EChartsCoreOption {
  return {
    yAxis: { data: bars.map((b) => b.label) },
    series: [
      {
        id: 'value',
        name: seriesName,
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.alert ? CHART_COLORS.warn : CHART_COLORS.accent, borderRadius: [0, 3, 3, 0] } })),
        label: { formatter: labelFormatter(show) },
        tooltip: { valueFormatter: show },
        markLine: target
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color: CHART_COLORS.ok, type: 'dashed' },
              label: { formatter: target.label, color: CHART_COLORS.ok, position: 'start', fontSize: 14 },
              data: [{ xAxis: target.value }],
            }
          : { data: [] },
      },
    ],
  };
}
