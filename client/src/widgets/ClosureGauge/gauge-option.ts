import type { EChartsCoreOption } from 'echarts/core';
import { CHART_COLORS } from '../common/chart-theme.js';

/**
 * A 0–100 % arc. The track is faint up to the target and tinted green beyond it, so how far
 * the rate is from the target reads at a glance without a pointer.
 */
export function gaugeBase(target: number): EChartsCoreOption {
  return {
    series: [
      {
        id: 'rate',
        type: 'gauge',
        min: 0,
        max: 1,
        startAngle: 215,
        endAngle: -35,
        radius: '92%',
        center: ['50%', '56%'],
        pointer: { show: false },
        // No progress until a rate is known (a null value would break the gauge's layering).
        progress: { show: true, width: 16, roundCap: true, itemStyle: { color: 'transparent' } },
        axisLine: {
          roundCap: true,
          lineStyle: {
            width: 16,
            color: [
              [target, CHART_COLORS.track],
              [1, 'rgba(47, 211, 122, 0.28)'],
            ],
          },
        },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        title: { show: false },
        detail: { offsetCenter: [0, '-4%'], fontSize: 44, fontWeight: 700, color: CHART_COLORS.text, formatter: () => '' },
        data: [{ value: 0 }],
      },
    ],
  };
}

/** The merge for the current rate: value, colour by target, its label in the current language. */
export function gaugeUpdate(rate: number | null, met: boolean, show: (v: number | null) => string): EChartsCoreOption {
  return {
    series: [
      {
        id: 'rate',
        data: [{ value: rate ?? 0 }],
        progress: { itemStyle: { color: rate === null ? 'transparent' : met ? CHART_COLORS.ok : CHART_COLORS.warn } },
        // The label as text, not a closure, so an unchanged rate makes an unchanged merge (see useECharts).
        detail: { formatter: show(rate) },
      },
    ],
  };
}
