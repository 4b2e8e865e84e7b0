import type { ScreenDocument } from './schema.js';

/**
 * 应急指挥: alerts and what can answer them. Running alerts, the response plans under way
 * (plan, response level, steps done and overdue) and the case trend (incidents surface as
 * cases first) on the left; the map with alert areas, resources and cameras in
 * the centre under the key signs, the ticker below it; resources and the districts' cases on
 * the right.
 */
export const emergencyScreen: ScreenDocument = {
  id: 'emergency',
  titleKey: 'themes.emergency',
  widgets: [
    { id: 'alert-list', type: 'alert-list', area: { x: 0, y: 0, w: 6, h: 4 } },
    { id: 'plans', type: 'plan-board', area: { x: 0, y: 4, w: 6, h: 4 } },
    { id: 'case-trend', type: 'case-trend-24h', area: { x: 0, y: 8, w: 6, h: 4 } },
    {
      id: 'emergency-signs',
      type: 'kpi-cards',
      area: { x: 6, y: 0, w: 12, h: 3 },
      options: { metrics: ['alertsActive', 'casesToday', 'overdue'] },
    },
    {
      id: 'map',
      type: 'city-map',
      area: { x: 6, y: 3, w: 12, h: 7 },
      options: { layers: ['districts', 'alerts', 'resources', 'cameras'], choropleth: 'alerts' },
    },
    { id: 'alerts', type: 'alert-ticker', area: { x: 6, y: 10, w: 12, h: 2 } },
    { id: 'resources', type: 'resource-summary', area: { x: 18, y: 0, w: 6, h: 6 } },
    {
      id: 'districts',
      type: 'district-ranking',
      titleKey: 'panels.casesByDistrict',
      area: { x: 18, y: 6, w: 6, h: 6 },
      options: { metric: 'cases' },
    },
  ],
};
