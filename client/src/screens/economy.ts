import type { ScreenDocument } from './schema.js';

/**
 * 经济运行: the headline indicators, production and demand on the left, finance, energy and
 * prices on the right, with the city's vital signs and map in the centre for context.
 */
export const economyScreen: ScreenDocument = {
  id: 'economy',
  titleKey: 'themes.economy',
  widgets: [
    {
      id: 'growth',
      type: 'economy-indicators',
      area: { x: 0, y: 0, w: 7, h: 12 },
      options: { codes: ['gdp', 'industry_va', 'fai', 'retail'] },
    },
    {
      id: 'vital-signs',
      type: 'kpi-cards',
      area: { x: 7, y: 0, w: 10, h: 2 },
      options: { metrics: ['gdpYoy', 'casesToday', 'closureRate', 'aqi'] },
    },
    {
      id: 'map',
      type: 'city-map',
      area: { x: 7, y: 2, w: 10, h: 10 },
      options: { layers: ['districts'], choropleth: 'closureRate' },
    },
    {
      id: 'finance',
      type: 'economy-indicators',
      area: { x: 17, y: 0, w: 7, h: 7 },
      options: { codes: ['budget_revenue', 'electricity', 'cpi', 'unemployment'] },
    },
    { id: 'closure-ranking', type: 'district-ranking', area: { x: 17, y: 7, w: 7, h: 5 }, options: { metric: 'closureRate' } },
  ],
};
