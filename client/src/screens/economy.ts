import type { ScreenDocument } from './schema.js';

/**
 * 经济运行: output and demand on the left, revenue, energy and prices on the right, with the
 * headline signs and the districts' GDP growth map in the centre.
 */
export const economyScreen: ScreenDocument = {
  id: 'economy',
  titleKey: 'themes.economy',
  widgets: [
    {
      id: 'growth',
      type: 'economy-indicators',
      titleKey: 'panels.growth',
      area: { x: 0, y: 0, w: 7, h: 12 },
      options: { codes: ['gdp', 'industry_va', 'fai', 'retail'] },
    },
    {
      id: 'vital-signs',
      type: 'kpi-cards',
      area: { x: 7, y: 0, w: 10, h: 3 },
      options: { metrics: ['gdpYoy', 'casesToday', 'closureRate', 'aqi'] },
    },
    {
      id: 'map',
      type: 'city-map',
      area: { x: 7, y: 3, w: 10, h: 9 },
      options: { layers: ['districts'], choropleth: 'gdpGrowth' },
    },
    {
      id: 'finance',
      type: 'economy-indicators',
      titleKey: 'panels.finance',
      area: { x: 17, y: 0, w: 7, h: 7 },
      options: { codes: ['budget_revenue', 'electricity', 'cpi', 'unemployment'] },
    },
    {
      id: 'closure-ranking',
      type: 'district-ranking',
      titleKey: 'panels.closureByDistrict',
      area: { x: 17, y: 7, w: 7, h: 5 },
      options: { metric: 'closureRate' },
    },
  ],
};
