import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineComponent } from 'vue';
import { widgetRegistry } from '../../../../client/src/widgets/index.js';
import { createWidgetRegistry, defineWidget } from '../../../../client/src/widgets/registry.js';
import { i18n } from '../../../../client/src/i18n/index.js';
import { widgetMessages } from '../../../../client/src/i18n/messages/widgets.js';
import { kpiMetric } from '../../../../client/src/widgets/KpiCards/kpi-metrics.js';
import { rankingMetric } from '../../../../client/src/widgets/DistrictRanking/district-ranking.js';
import { WATER_CLASS_KEYS } from '../../../../client/src/widgets/WaterClassMix/water-class-mix.js';
import { indicatorCode } from '../../../../shared/schemas/indicator.js';
import { resourceType } from '../../../../shared/schemas/city-pack.js';
import { WARNING_LEVEL_ORDER } from '../../../../shared/domain/warning.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every leaf key of a message tree, dotted. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const CONTRACT_TYPES = [
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
  // Beyond the contract's list: the 网格治理 theme's department ranking (issue 12).
  'evaluation-ranking',
  // The 应急指挥 theme's running response plans (issue 13).
  'plan-board',
];

describe('widget registry', () => {
  it('registers every widget type of the client contract, the map included', () => {
    expect(widgetRegistry.types().sort()).toEqual([...CONTRACT_TYPES].sort());
  });

  it('refuses a type registered twice', () => {
    const reg = createWidgetRegistry();
    const def = defineWidget({ type: 'x', titleKey: 'widgets.kpi.title', component: defineComponent({}), options: z.object({}), sources: () => [], drill: false });
    reg.register(def);
    expect(() => reg.register({ ...def })).toThrow(/registered twice/);
  });

  it.each(['zh-CN', 'en'] as const)('has a title for every type in %s', (locale) => {
    for (const type of widgetRegistry.types()) {
      const key = widgetRegistry.get(type)!.titleKey;
      expect(i18n.global.te(key, locale), `${type}: ${key}`).toBe(true);
    }
  });

  it('parses empty options to working defaults for every type', () => {
    for (const type of widgetRegistry.types()) {
      const def = widgetRegistry.get(type)!;
      const options = def.options.parse({});
      expect(Array.isArray(def.sources(options)), type).toBe(true);
    }
  });

  it.each(['zh-CN', 'en'] as const)('has every message the widgets ask for in %s', (locale) => {
    const dir = path.resolve('client/src/widgets');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(vue|ts)$/.test(f));
    const literal = files.flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/t\('(widgets\.[\w.]+)'/g)].map((m) => m[1]!));
    const families = [
      ...kpiMetric.options.map((m) => `widgets.kpi.metric.${m}`),
      ...['case', 'alert', 'point'].map((u) => `widgets.kpi.unit.${u}`),
      ...['min', 'max'].map((b) => `widgets.kpi.target.${b}`),
      ...['met', 'missed'].map((s) => `widgets.kpi.status.${s}`),
      ...[1, 2, 3, 4, 5, 6].map((l) => `widgets.aqi.category.${l}`),
      ...Object.values(WATER_CLASS_KEYS).map((k) => `widgets.water.class.${k}`),
      ...indicatorCode.options.map((c) => `widgets.economy.indicator.${c}`),
      ...['month', 'monthOne', 'quarter', 'quarterOne'].map((p) => `widgets.economy.period.${p}`),
      ...['yiYuan', 'yiKwh', 'index', 'percent'].map((u) => `widgets.economy.unit.${u}`),
      ...rankingMetric.options.map((m) => `widgets.districtRanking.metric.${m}`),
      ...['today', 'open'].map((s) => `widgets.casesByCategory.series.${s}`),
      ...WARNING_LEVEL_ORDER.map((l) => `widgets.alert.level.${l}`),
      ...resourceType.options.map((r) => `widgets.resource.type.${r}`),
    ];
    expect(literal.length).toBeGreaterThan(20);
    for (const key of [...literal, ...families]) expect(i18n.global.te(key, locale), key).toBe(true);
  });

  it('speaks both languages with the same keys', () => {
    expect(keys(widgetMessages.en).sort()).toEqual(keys(widgetMessages['zh-CN']).sort());
  });
});
