import { describe, expect, inject, it } from 'vitest';
import { openScreen, screenPath, screenRoot, STILL, THEMES, widgetsReady, type WidgetState } from './setup/screen.js';
import { browserSuite } from './setup/suite.js';

const base = inject('aliveUrl');
const suite = browserSuite();

/** Every widget type of the client contract: together the five themes must show all of them. */
const WIDGET_TYPES = [
  'city-map',
  'kpi-cards',
  'case-trend-24h',
  'cases-by-category',
  'district-ranking',
  'closure-gauge',
  'aqi-ranking',
  'pollutant-trend',
  'water-class-mix',
  'economy-indicators',
  'alert-ticker',
  'alert-list',
  'resource-summary',
];

describe('widgets of every theme', () => {
  const seen = new Map<string, WidgetState[]>();
  for (const theme of THEMES) {
    it(`${theme}: every widget shows live data`, async () => {
      const { page } = await suite.context();
      await openScreen(page, base, screenPath({ ...STILL, theme }));
      expect(await screenRoot(page).getAttribute('data-theme')).toBe(theme);
      const widgets = await widgetsReady(page, `every widget of ${theme} non-empty and fresh`, (w) => w.empty === 'false' && w.fresh === 'fresh');
      expect(new Set(widgets.map((w) => w.id)).size, 'widget ids are unique').toBe(widgets.length);
      seen.set(theme, widgets);
    });
  }

  it('the themes together use every widget type', () => {
    expect(seen.size, 'all themes rendered').toBe(THEMES.length);
    const types = new Set([...seen.values()].flat().map((w) => w.type));
    expect([...types].sort()).toEqual(expect.arrayContaining(WIDGET_TYPES));
  });
});
