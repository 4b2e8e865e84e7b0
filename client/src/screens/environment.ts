import type { ScreenDocument } from './schema.js';

/**
 * 生态环境: air, water and noise. Station rankings on the left, the map coloured by AQI with
 * stations and sections, the pollutant trend under it, water classes and alerts on the right.
 */
export const environmentScreen: ScreenDocument = {
  id: 'environment',
  titleKey: 'themes.environment',
  widgets: [
    {
      id: 'env-signs',
      type: 'kpi-cards',
      area: { x: 0, y: 0, w: 6, h: 3 },
      options: { metrics: ['aqi', 'waterGood', 'noiseExceeding'] },
    },
    { id: 'air', type: 'aqi-ranking', area: { x: 0, y: 3, w: 6, h: 9 } },
    {
      id: 'map',
      type: 'city-map',
      area: { x: 6, y: 0, w: 12, h: 8 },
      options: { layers: ['districts', 'air', 'water'], choropleth: 'aqi' },
    },
    { id: 'pollutants', type: 'pollutant-trend', area: { x: 6, y: 8, w: 12, h: 4 } },
    { id: 'water', type: 'water-class-mix', area: { x: 18, y: 0, w: 6, h: 6 } },
    { id: 'alert-list', type: 'alert-list', area: { x: 18, y: 6, w: 6, h: 6 } },
  ],
};
