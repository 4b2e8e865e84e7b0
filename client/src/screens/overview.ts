import type { ScreenDocument } from './schema.js';

/**
 * 综合态势: the city at a glance. The vital signs run across the top of the centre, the map
 * below them and the live alerts at the foot; cases on the left; districts, air and water on
 * the right.
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
      area: { x: 6, y: 0, w: 12, h: 3 },
      options: { metrics: ['casesToday', 'openCases', 'alertsActive', 'aqi', 'gdpYoy'] },
    },
    {
      id: 'map',
      type: 'city-map',
      area: { x: 6, y: 3, w: 12, h: 7 },
      options: { layers: ['districts', 'cases', 'alerts'], choropleth: 'cases' },
    },
    { id: 'alerts', type: 'alert-ticker', area: { x: 6, y: 10, w: 12, h: 2 } },
    {
      id: 'districts',
      type: 'district-ranking',
      titleKey: 'panels.casesByDistrict',
      area: { x: 18, y: 0, w: 6, h: 4 },
      options: { metric: 'cases' },
    },
    { id: 'air', type: 'aqi-ranking', area: { x: 18, y: 4, w: 6, h: 4 } },
    { id: 'water', type: 'water-class-mix', area: { x: 18, y: 8, w: 6, h: 4 } },
  ],
};
