import type { ScreenDocument } from './schema.js';

/**
 * 生态环境: air, water and noise. Station ranking and environmental alerts on the left; the
 * key signs (with the year-to-date good-day ratio and PM2.5 mean) over a map coloured by AQI
 * with stations and sections; water classes and the pollutant trend on the right.
 */
export const environmentScreen: ScreenDocument = {
  id: 'environment',
  titleKey: 'themes.environment',
  widgets: [
    { id: 'air', type: 'aqi-ranking', area: { x: 0, y: 0, w: 6, h: 8 } },
    { id: 'alert-list', type: 'alert-list', area: { x: 0, y: 8, w: 6, h: 4 } },
    {
      id: 'env-signs',
      type: 'kpi-cards',
      area: { x: 6, y: 0, w: 12, h: 3 },
      options: { metrics: ['aqi', 'waterGood', 'noiseExceeding', 'goodDays', 'pm25Year'] },
    },
    {
      id: 'map',
      type: 'city-map',
      area: { x: 6, y: 3, w: 12, h: 9 },
      options: { layers: ['districts', 'air', 'water'], choropleth: 'aqi' },
    },
    { id: 'water', type: 'water-class-mix', area: { x: 18, y: 0, w: 6, h: 5 } },
    { id: 'pollutants', type: 'pollutant-trend', area: { x: 18, y: 5, w: 6, h: 7 } },
  ],
};
