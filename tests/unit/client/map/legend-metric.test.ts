import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../../../../client/src/i18n/index.js';
import { choroplethScale, metricValue } from '../../../../client/src/map/choropleth.js';
import { choroplethLegend, choroplethTitle, districtDetails } from '../../../../client/src/map/layers/districts.mapping.js';
import { GROWTH_RAMP } from '../../../../client/src/map/palette.js';
import { SCREENS } from '../../../../client/src/screens/index.js';
import MapLegend from '../../../../client/src/map/MapLegend.vue';
import { mapFormat, vitalSigns } from './fixtures.js';

// Issue 10 #14: the economy theme painted the map red by case closure rate, and the kiosk legend did not say so.
describe('the map legend names its metric; each theme maps a metric of its own', () => {
  it("heads the districts' legend with the metric, in both languages", () => {
    expect(choroplethTitle('closureRate', mapFormat('zh-CN'))).toBe('区县着色 · 结案率');
    expect(choroplethTitle('gdpGrowth', mapFormat('en'))).toBe('Districts by GDP growth (YTD)');
  });

  it("draws the heading a layer gives in place of the layer's name (what a kiosk wall shows)", () => {
    const fmt = mapFormat('zh-CN');
    const scale = choroplethScale('gdpGrowth', []);
    const w = mount(MapLegend, {
      props: { sections: [{ id: 'districts', titleKey: 'map.layers.districts', title: choroplethTitle('gdpGrowth', fmt), items: choroplethLegend(scale, fmt) }] },
      global: { plugins: [i18n] },
    });
    expect(w.get('[data-legend="districts"] h4').text()).toBe('区县着色 · GDP 累计增速');
    expect(w.findAll('li').map((l) => l.text())).toEqual(['≤ 0.0%', '0.0% – +3.0%', '+3.0% – +5.0%', '+5.0% – +7.0%', '> +7.0%']);
  });

  it("gives each theme's map a metric of that theme", () => {
    const metricOf = (id: string) => (SCREENS.find((s) => s.id === id)!.widgets.find((w) => w.type === 'city-map')!.options as { choropleth: string }).choropleth;
    expect(Object.fromEntries(['overview', 'grid', 'emergency', 'environment', 'economy'].map((id) => [id, metricOf(id)]))).toEqual({
      overview: 'cases',
      grid: 'overdue',
      emergency: 'alerts',
      environment: 'aqi',
      economy: 'gdpGrowth',
    });
    expect(metricValue('alerts', vitalSigns('441702'))).toBe(0);
    expect(choroplethTitle('alerts', mapFormat('zh-CN'))).toBe('区县着色 · 生效预警');
  });

  it("maps districts' GDP growth on the economy theme, on a ramp with no red", () => {
    const economy = SCREENS.find((s) => s.id === 'economy')!;
    const map = economy.widgets.find((w) => w.type === 'city-map')!;
    expect((map.options as { choropleth: string }).choropleth).toBe('gdpGrowth');
    const v = { ...vitalSigns('441702'), economy: { gdpCumulativeYoy: 0.061, gdpCompletion: 0.7, gdpOnPace: 1, period: '2026-Q3' } };
    expect(metricValue('gdpGrowth', v)).toBe(0.061);
    expect(choroplethScale('gdpGrowth', [0.061]).colors).toEqual(GROWTH_RAMP);
    for (const c of GROWTH_RAMP) expect(c.toLowerCase()).not.toMatch(/^#(d9|e[0-9a-f]|f[0-9a-f])[0-5]/);
    expect(districtDetails('441702', v, mapFormat('zh-CN')).fields.at(-1)).toEqual({ label: 'GDP 累计增速', value: '+6.1%' });
  });
});
