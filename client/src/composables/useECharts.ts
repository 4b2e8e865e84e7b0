import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { init, registerTheme, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { CHART_THEME, chartTheme } from '../widgets/common/chart-theme.js';
import { sameOption } from './same-option.js';
import { useScreenScale } from './useScreenScale.js';

// Only what the widgets draw, so the screen's bundle stays small (the full build is ~1 MB).
use([BarChart, GaugeChart, LineChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);
registerTheme(CHART_THEME, chartTheme);

/** Window resizes arrive in bursts; re-creating a chart once they settle is enough. */
const REFIT_DELAY_MS = 200;

/** What a widget does with its chart. */
export interface ChartHandle {
  /**
   * Merges a partial option into the chart (no `notMerge`, lazy update): charts change by
   * replacing bounded data arrays, never by being rebuilt. Each update carries the whole
   * current view (all data arrays), since a re-created chart gets the base and the latest one.
   * A merge equal to the previous one is dropped: the chart would redo its layout for nothing.
   */
  update(partial: EChartsCoreOption): void;
}

/**
 * One ECharts instance on `el` for the life of the component: created on mount with the
 * dark theme at the canvas pixel ratio of the screen fit (so it stays sharp at 4K and at any
 * OS scaling), resized with its element, re-created at the new pixel ratio when the fit
 * changes (ECharts cannot change it in place), disposed on unmount.
 */
export function useECharts(el: Ref<HTMLElement | null>, base: () => EChartsCoreOption): ChartHandle {
  const { fit, pixelRatio } = useScreenScale();
  let chart: EChartsType | null = null;
  let latest: EChartsCoreOption | null = null;
  let observer: ResizeObserver | null = null;
  let frame = 0;
  let refit: ReturnType<typeof setTimeout> | undefined;

  function create() {
    chart = init(el.value, CHART_THEME, { devicePixelRatio: pixelRatio() });
    // Live merges arrive every second: no update transitions, so the main thread stays idle between them.
    chart.setOption({ animationDurationUpdate: 0, ...base() });
    if (latest) chart.setOption(latest);
  }

  onMounted(() => {
    if (!el.value) return;
    create();
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => chart?.resize());
      });
      observer.observe(el.value);
    }
  });

  watch(fit, () => {
    clearTimeout(refit);
    refit = setTimeout(() => {
      if (!chart || Math.abs(chart.getDevicePixelRatio() - pixelRatio()) < 0.01) return;
      chart.dispose();
      create();
    }, REFIT_DELAY_MS);
  });

  onBeforeUnmount(() => {
    clearTimeout(refit);
    cancelAnimationFrame(frame);
    observer?.disconnect();
    chart?.dispose();
    chart = null;
  });

  return {
    update(partial) {
      if (latest && sameOption(latest, partial)) return;
      latest = partial;
      chart?.setOption(partial, { lazyUpdate: true });
    },
  };
}
