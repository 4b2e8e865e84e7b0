import type { EChartsCoreOption } from 'echarts/core';
import { CHART_COLORS } from '../common/chart-theme.js';

/**
 * 累计同比 bars, one band per row of the list beside it: no grid margins and no axis labels
 * so the bands line up with the rows (both fill the same height in equal parts).
 */
export function growthBase(): EChartsCoreOption {
  return {
    grid: { left: 4, right: 4, top: 0, bottom: 0 },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, show: false, data: [] },
    series: [{ id: 'growth', type: 'bar', data: [], barWidth: '46%', barMaxWidth: 18, label: { show: true, fontSize: 15, fontWeight: 700 } }],
  };
}

/** The merge for the rows' growth: positive in the accent colour, negative in the warning colour. */
export function growthUpdate(rows: readonly { code: string; growth: number | null }[], show: (v: number) => string): EChartsCoreOption {
  // The longest bar takes a fraction of its side of the axis, so each value label fits
  // beside its bar (with both signs each side has only half the width).
  const values = rows.map((r) => r.growth ?? 0);
  const down = values.some((v) => v < 0);
  const up = values.some((v) => v > 0);
  const reach = Math.max(1e-6, ...values.map(Math.abs)) * (down && up ? 3.2 : 2.4);
  return {
    xAxis: { min: down ? -reach : 0, max: up || !down ? reach : 0 },
    yAxis: { data: rows.map((r) => r.code) },
    series: [
      {
        id: 'growth',
        data: rows.map((r) => {
          const down = (r.growth ?? 0) < 0;
          const color = down ? CHART_COLORS.warn : CHART_COLORS.accent;
          return {
            value: r.growth,
            itemStyle: { color, borderRadius: down ? [3, 0, 0, 3] : [0, 3, 3, 0] },
            label: { position: down ? 'left' : 'right', color, formatter: () => (r.growth === null ? '' : show(r.growth)) },
          };
        }),
      },
    ],
  };
}
