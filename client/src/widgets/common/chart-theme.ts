/**
 * Colours of the charts. Canvas cannot read CSS variables, so these mirror
 * client/src/styles/theme.css; keep the two in step.
 */
export const CHART_COLORS = {
  text: '#e8f2ff',
  textDim: '#8fa9cc',
  textFaint: '#5a7396',
  axis: 'rgba(64, 150, 230, 0.45)',
  split: 'rgba(64, 150, 230, 0.14)',
  accent: '#3fd0ff',
  accent2: '#7c9cff',
  ok: '#2fd37a',
  warn: '#ffb020',
  danger: '#ff3b3b',
  track: 'rgba(64, 150, 230, 0.18)',
} as const;

/** Series colours in order: distinct on the dark ground, none of them a status colour. */
export const SERIES_PALETTE = ['#3fd0ff', '#7c9cff', '#5ee6c5', '#c58bff', '#ffd36e', '#ff8fb1'] as const;

/** Name of the registered ECharts theme. */
export const CHART_THEME = 'cockpit-dark';

const axis = {
  axisLine: { lineStyle: { color: CHART_COLORS.axis } },
  axisTick: { show: false },
  axisLabel: { color: CHART_COLORS.textDim, fontSize: 14 },
  splitLine: { lineStyle: { color: CHART_COLORS.split } },
  nameTextStyle: { color: CHART_COLORS.textDim, fontSize: 14 },
};

/**
 * The dark command-hall theme for ECharts: transparent ground (the widget frame paints the
 * panel), sizes in design pixels of the 1920×1080 canvas. (Update transitions are switched
 * off by useECharts, so a wall that updates every second stays calm.)
 */
export const chartTheme = {
  color: [...SERIES_PALETTE],
  backgroundColor: 'transparent',
  textStyle: { color: CHART_COLORS.text, fontFamily: "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif", fontSize: 14 },
  categoryAxis: axis,
  valueAxis: axis,
  timeAxis: axis,
  legend: { textStyle: { color: CHART_COLORS.textDim, fontSize: 14 }, itemWidth: 16, itemHeight: 8 },
  tooltip: {
    backgroundColor: 'rgba(8, 24, 48, 0.94)',
    borderColor: CHART_COLORS.axis,
    textStyle: { color: CHART_COLORS.text, fontSize: 14 },
  },
};
