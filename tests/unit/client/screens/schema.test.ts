import { defineComponent } from 'vue';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../../../client/src/screens/index.js';
import { GRID, overlaps, resolveScreen, validateScreen, type ScreenDocument } from '../../../../client/src/screens/schema.js';
import { createWidgetRegistry, defineWidget } from '../../../../client/src/widgets/registry.js';
import { widgetRegistry } from '../../../../client/src/widgets/index.js';

/** A registry of two small widget types, for the rules that do not depend on real widgets. */
function smallRegistry() {
  const registry = createWidgetRegistry();
  const component = defineComponent({ render: () => null });
  registry.register(defineWidget({ type: 'note', titleKey: 't', component, options: z.object({}), sources: () => [], drill: false }));
  registry.register(
    defineWidget({
      type: 'ranking',
      titleKey: 't',
      component,
      options: z.object({ metric: z.enum(['cases', 'overdue']).default('cases') }),
      sources: () => ['kpi'],
      drill: false,
    }),
  );
  return registry;
}

const doc = (widgets: ScreenDocument['widgets']): ScreenDocument => ({ id: 'test', titleKey: 'themes.overview', widgets });
const issues = (d: unknown) => {
  const v = validateScreen(d, smallRegistry());
  return v.ok ? [] : v.issues;
};

describe('the five screen documents', () => {
  it('are overview, grid, emergency, environment and economy, in that order', () => {
    expect(SCREENS.map((s) => s.id)).toEqual(['overview', 'grid', 'emergency', 'environment', 'economy']);
  });

  it.each(SCREENS.map((s) => [s.id, s] as const))('%s validates against the real widget registry', (_id, screen) => {
    const v = validateScreen(screen, widgetRegistry);
    expect(v.ok ? [] : v.issues).toEqual([]);
  });

  it.each(SCREENS.map((s) => [s.id, s] as const))('%s fills the whole grid, leaving no hole', (_id, screen) => {
    const cells = screen.widgets.reduce((n, w) => n + w.area.w * w.area.h, 0);
    expect(cells).toBe(GRID.cols * GRID.rows);
  });

  it('make the city map the largest widget on at least four of the five themes', () => {
    const cells = (a: { w: number; h: number }) => a.w * a.h;
    const mapLed = SCREENS.filter((s) => {
      const map = s.widgets.find((w) => w.type === 'city-map');
      return map && s.widgets.every((w) => w === map || cells(w.area) < cells(map.area));
    });
    expect(mapLed.length).toBeGreaterThanOrEqual(4);
  });
});

describe('validateScreen', () => {
  it("applies the widget's option defaults", () => {
    const screen = resolveScreen(doc([{ id: 'r', type: 'ranking', area: { x: 0, y: 0, w: 4, h: 4 } }]), smallRegistry());
    expect(screen.widgets[0]!.options).toEqual({ metric: 'cases' });
    expect(screen.widgets[0]!.def.type).toBe('ranking');
  });

  it('rejects overlapping areas', () => {
    const found = issues(
      doc([
        { id: 'a', type: 'note', area: { x: 0, y: 0, w: 6, h: 4 } },
        { id: 'b', type: 'note', area: { x: 5, y: 3, w: 4, h: 4 } },
      ]),
    );
    expect(found.join()).toMatch(/"b" overlaps "a"/);
  });

  it('accepts areas that only touch', () => {
    expect(
      issues(
        doc([
          { id: 'a', type: 'note', area: { x: 0, y: 0, w: 6, h: 4 } },
          { id: 'b', type: 'note', area: { x: 6, y: 0, w: 6, h: 4 } },
        ]),
      ),
    ).toEqual([]);
  });

  it('rejects areas outside the 24×12 grid or not in whole cells', () => {
    expect(issues(doc([{ id: 'a', type: 'note', area: { x: 20, y: 0, w: 5, h: 2 } }])).join()).toMatch(/inside the 24×12 grid/);
    expect(issues(doc([{ id: 'a', type: 'note', area: { x: 0, y: 10, w: 2, h: 3 } }])).join()).toMatch(/inside the 24×12 grid/);
    expect(issues(doc([{ id: 'a', type: 'note', area: { x: -1, y: 0, w: 2, h: 2 } }]))).not.toEqual([]);
    expect(issues(doc([{ id: 'a', type: 'note', area: { x: 0, y: 0, w: 1.5, h: 2 } }]))).not.toEqual([]);
    expect(issues(doc([{ id: 'a', type: 'note', area: { x: 0, y: 0, w: 0, h: 2 } }]))).not.toEqual([]);
  });

  it('rejects duplicate widget ids', () => {
    const found = issues(
      doc([
        { id: 'a', type: 'note', area: { x: 0, y: 0, w: 2, h: 2 } },
        { id: 'a', type: 'note', area: { x: 2, y: 0, w: 2, h: 2 } },
      ]),
    );
    expect(found.join()).toMatch(/duplicate widget id "a"/);
  });

  it('rejects a widget type the registry does not know', () => {
    expect(issues(doc([{ id: 'a', type: 'weather-radar', area: { x: 0, y: 0, w: 2, h: 2 } }])).join()).toMatch(/unknown widget type "weather-radar"/);
  });

  it("rejects options the widget's schema refuses, naming the path", () => {
    const found = issues(doc([{ id: 'r', type: 'ranking', area: { x: 0, y: 0, w: 2, h: 2 }, options: { metric: 'gdp' } }]));
    expect(found.join()).toMatch(/^widgets\.0\.options\.metric:/);
  });

  it('rejects a screen without widgets, and resolveScreen throws with the issues', () => {
    expect(issues(doc([]))).not.toEqual([]);
    expect(() => resolveScreen(doc([{ id: 'a', type: 'nope', area: { x: 0, y: 0, w: 1, h: 1 } }]), smallRegistry())).toThrow(/unknown widget type/);
  });
});

describe('overlaps', () => {
  it('is symmetric and false for neighbours', () => {
    const a = { x: 0, y: 0, w: 4, h: 4 };
    expect(overlaps(a, { x: 3, y: 3, w: 2, h: 2 })).toBe(true);
    expect(overlaps({ x: 3, y: 3, w: 2, h: 2 }, a)).toBe(true);
    expect(overlaps(a, { x: 4, y: 0, w: 2, h: 2 })).toBe(false);
    expect(overlaps(a, { x: 0, y: 4, w: 2, h: 2 })).toBe(false);
  });
});
