import type { ScreenDocument } from './schema.js';

/**
 * 综合态势: the city at a glance. The map holds the centre; the vital signs run above it and
 * the live alerts below; cases on the left, districts, air and economy on the right.
 */
export const overviewScreen: ScreenDocument = {
  id: 'overview',
  titleKey: 'themes.overview',
  widgets: [
    { id: 'case-trend', type: 'case-trend-24h', area: { x: 0, y: 0, w: 6, h: 4 } },
    { id: 'categories', type: 'cases-by-category', area: { x: 0, y: 4, w: 6, h: 4 } },
    { id: 'closure', type: 'closure-gauge', area: { x: 0, y: 8, w: 6, h: 4 } },
    {
      id: 'vital-signs',
      type: 'kpi-cards',
      area: { x: 6, y: 0, w: 12, h: 2 },
      options: { metrics: ['casesToday', 'openCases', 'overdue', 'alertsActive', 'aqi', 'gdpYoy'] },
    },
    {
      id: 'map',
      type: 'city-map',
      area: { x: 6, y: 2, w: 12, h: 8 },
      options: { layers: ['districts', 'cases', 'alerts'], choropleth: 'cases' },
    },
    { id: 'alerts', type: 'alert-ticker', area: { x: 6, y: 10, w: 12, h: 2 } },
    { id: 'districts', type: 'district-ranking', area: { x: 18, y: 0, w: 6, h: 4 }, options: { metric: 'cases' } },
    { id: 'air', type: 'aqi-ranking', area: { x: 18, y: 4, w: 6, h: 4 } },
    { id: 'economy', type: 'economy-indicators', area: { x: 18, y: 8, w: 6, h: 4 }, options: { codes: ['gdp', 'retail', 'fai'] } },
  ],
};
