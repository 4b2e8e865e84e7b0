import type { ScreenDocument } from './schema.js';

/**
 * 网格治理: city-management cases. How many and whether they are handled in time (top), where
 * they are (map with clusters and density), what kind and which departments perform (left: the
 * month's evaluation ranking, 综合评价), and which districts keep up (closure and district
 * rankings, right).
 */
export const gridScreen: ScreenDocument = {
  id: 'grid',
  titleKey: 'themes.grid',
  widgets: [
    { id: 'case-trend', type: 'case-trend-24h', area: { x: 0, y: 0, w: 6, h: 4 } },
    { id: 'categories', type: 'cases-by-category', area: { x: 0, y: 4, w: 6, h: 4 } },
    { id: 'evaluation', type: 'evaluation-ranking', area: { x: 0, y: 8, w: 6, h: 4 } },
    {
      id: 'case-signs',
      type: 'kpi-cards',
      area: { x: 6, y: 0, w: 12, h: 3 },
      options: { metrics: ['casesToday', 'openCases', 'overdue', 'closureRate'] },
    },
    {
      id: 'map',
      type: 'city-map',
      area: { x: 6, y: 3, w: 12, h: 9 },
      options: { layers: ['districts', 'cases', 'case-hex'], choropleth: 'overdue' },
    },
    { id: 'closure', type: 'closure-gauge', area: { x: 18, y: 0, w: 6, h: 4 } },
    {
      id: 'overdue-ranking',
      type: 'district-ranking',
      titleKey: 'panels.overdueByDistrict',
      area: { x: 18, y: 4, w: 6, h: 4 },
      options: { metric: 'overdue' },
    },
    {
      id: 'closure-ranking',
      type: 'district-ranking',
      titleKey: 'panels.closureByDistrict',
      area: { x: 18, y: 8, w: 6, h: 4 },
      options: { metric: 'closureRate' },
    },
  ],
};
