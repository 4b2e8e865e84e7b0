/**
 * What the mounted-widget tests replace, in a module that imports nothing of the client so the
 * mock factories can load it: the chart handle (canvas charts do not draw in jsdom, so it records
 * the merges a widget makes) and the API (24 hourly case-trend buckets; records each path).
 */
import type { EChartsCoreOption } from 'echarts/core';

export const merges: EChartsCoreOption[] = [];
export const apiCalls: string[] = [];

export const echartsModule = { useECharts: () => ({ update: (o: EChartsCoreOption) => merges.push(o) }) };
export const apiModule = {
  api: async (path: string) => {
    apiCalls.push(path);
    const last = Math.floor(Date.now() / 3_600_000);
    const hours = Array.from({ length: 24 }, (_, i) => ({ hour: new Date((last - 23 + i) * 3_600_000).toISOString(), reported: 2, closed: 1 }));
    return { asOf: new Date().toISOString(), hours };
  },
};
