import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { EChartsCoreOption } from 'echarts/core';
import { ref } from 'vue';
import { CaseBook } from '../../../../client/src/live/cases/case-book.js';
import { caseViews } from '../../../../client/src/live/cases/index.js';
import { CaseViews } from '../../../../client/src/live/cases/views.js';
import { LIVE_SOURCE, type LiveSource } from '../../../../client/src/services/live-source.js';
import { i18n } from '../../../../client/src/i18n/index.js';
import { useAlertsStore, useEconomyStore, useEnvStore, useKpiStore } from '../../../../client/src/stores/streams.js';
import { useSessionStore } from '../../../../client/src/stores/session.js';
import { useReferenceStore } from '../../../../client/src/stores/reference.js';
import EconomyIndicators from '../../../../client/src/widgets/EconomyIndicators/EconomyIndicators.vue';
import DistrictRanking from '../../../../client/src/widgets/DistrictRanking/DistrictRanking.vue';
import { districtRankingOptions } from '../../../../client/src/widgets/DistrictRanking/district-ranking.js';
import { economyOptions } from '../../../../client/src/widgets/EconomyIndicators/economy-rows.js';
import { yangjiang } from '../map/fixtures.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import KpiCards from '../../../../client/src/widgets/KpiCards/KpiCards.vue';
import AlertTicker from '../../../../client/src/widgets/AlertTicker/AlertTicker.vue';
import CaseTrend24h from '../../../../client/src/widgets/CaseTrend24h/CaseTrend24h.vue';
import ClosureGauge from '../../../../client/src/widgets/ClosureGauge/ClosureGauge.vue';
import WaterClassMix from '../../../../client/src/widgets/WaterClassMix/WaterClassMix.vue';
import { kpiCardsOptions } from '../../../../client/src/widgets/KpiCards/kpi-metrics.js';
import { alertTickerOptions } from '../../../../client/src/widgets/AlertTicker/index.js';
import AlertList from '../../../../client/src/widgets/AlertList/AlertList.vue';
import { alertListOptions } from '../../../../client/src/widgets/AlertList/index.js';
import { alertItem, gridCase, indicator, vitalSigns, waterReading } from './fixtures.js';

// Canvas charts do not draw in jsdom: the chart handle records the merges a widget makes.
const merges: EChartsCoreOption[] = [];
vi.mock('../../../../client/src/composables/useECharts.js', () => ({ useECharts: () => ({ update: (o: EChartsCoreOption) => merges.push(o) }) }));
const apiCalls: string[] = [];
vi.mock('../../../../client/src/services/api.js', () => ({
  api: async (path: string) => {
    apiCalls.push(path);
    const last = Math.floor(Date.now() / 3_600_000);
    const hours = Array.from({ length: 24 }, (_, i) => ({ hour: new Date((last - 23 + i) * 3_600_000).toISOString(), reported: 2, closed: 1 }));
    return { asOf: new Date().toISOString(), hours };
  },
}));

// The live worker, in process: its case book and views, with messages structured-cloned as
// postMessage does. The widgets get it as their page's live source (LIVE_SOURCE), not from the socket.
const live = (() => {
  const book = new CaseBook();
  const watchers = new Map<number, (data: unknown) => void>();
  const views = new CaseViews(book, (msg) => msg.type === 'view' && watchers.get(msg.view)?.(structuredClone(msg.data)), caseViews);
  let next = 1;
  const source = {
    state: ref('live'),
    watch(spec: never, onData: (data: unknown) => void) {
      const id = next++;
      watchers.set(id, onData);
      views.watch(id, structuredClone(spec));
      return { id, update: (s: never) => views.watch(id, structuredClone(s)), stop: () => watchers.delete(id) && views.unwatch(id) };
    },
    ask: () => Promise.resolve(null),
  } as unknown as LiveSource;
  return { source, feed: (cases: GridCase[]) => views.changed(book.apply(cases, Date.now())) };
})();

let pinia: Pinia;
const mountWidget = (component: unknown, props: Record<string, unknown>) =>
  mount(component as never, { props: props as never, global: { plugins: [pinia, i18n], provide: { [LIVE_SOURCE as symbol]: live.source } } });

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-07-01T02:30:00Z') });
  pinia = createPinia();
  setActivePinia(pinia);
  merges.length = 0;
  apiCalls.length = 0;
  i18n.global.locale.value = 'zh-CN';
});
afterEach(() => vi.useRealTimers());

describe('KpiCards', () => {
  it("fills a grid administrator's cards from its district's signs, the only scope it receives (issue 10 #13)", async () => {
    const w = mountWidget(KpiCards, { options: kpiCardsOptions.parse({ metrics: ['casesToday', 'closureRate'] }), mode: 'real' });
    useKpiStore().applySnapshot([vitalSigns('441702', 'district', { cases: { today: 321, closureRate: 0.97 } })]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.attributes('data-empty')).toBe('false');
    expect(w.get('[data-metric="casesToday"]').text()).toContain('321');
    expect(w.get('[data-metric="closureRate"]').text()).toContain('97.0%');
  });

  it('is empty until the city vital signs arrive, then shows value, target and status per card', async () => {
    const w = mountWidget(KpiCards, { options: kpiCardsOptions.parse({ metrics: ['closureRate', 'aqi', 'openCases'] }), mode: 'real' });
    expect(w.attributes('data-empty')).toBe('true');
    useKpiStore().applySnapshot([vitalSigns('441702', 'district'), vitalSigns('441700', 'city', { cases: { closureRate: 0.95, open: 1234 }, air: { aqi: 120, stations: 4 } })]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.attributes('data-empty')).toBe('false');
    const card = (m: string) => w.get(`[data-metric="${m}"]`);
    expect(card('closureRate').attributes('data-status')).toBe('met');
    expect(card('closureRate').text()).toContain('95.0%');
    expect(card('closureRate').text()).toContain('目标 ≥ 90%');
    expect(card('aqi').attributes('data-status')).toBe('missed');
    expect(card('aqi').text()).toContain('轻度污染');
    expect(card('openCases').text()).toContain('1,234');
    expect(card('openCases').attributes('data-status')).toBe('none');
  });

  it('shows only the mode it is given: drill mode has no real vital signs', async () => {
    useKpiStore().applySnapshot([vitalSigns('441700', 'city')]);
    const w = mountWidget(KpiCards, { options: kpiCardsOptions.parse({}), mode: 'drill' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.attributes('data-empty')).toBe('true');
  });

  it('speaks English when switched', async () => {
    i18n.global.locale.value = 'en';
    useKpiStore().applySnapshot([vitalSigns('441700', 'city')]);
    const w = mountWidget(KpiCards, { options: kpiCardsOptions.parse({ metrics: ['overdue'] }), mode: 'real' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.text()).toContain('Overdue cases');
    expect(w.text()).toContain('Target ≤ 0');
  });
});

describe('AlertList', () => {
  it("lists official warnings before the city's own notices of a level, tags the notices and names each sender", async () => {
    const w = mountWidget(AlertList, { options: alertListOptions.parse({}), mode: 'real' });
    useAlertsStore().applyDelta([
      alertItem({ id: 'n', level: 'blue', kind: 'notice', sender: 'city-cockpit/env', senderName: '阳江市城市运行平台·环境监测', headline: '漠阳江双捷断面 水质未达标：目标 II 类，实测 III 类' }),
      alertItem({ id: 'w', level: 'blue', sender: 'qxt-441700@gd.cma.gov.cn', senderName: '阳江市气象台', headline: '大风蓝色预警' }),
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    const rows = w.findAll('[data-alert-row]');
    expect(rows.map((r) => [r.attributes('data-alert-row'), r.attributes('data-kind')])).toEqual([
      ['w', 'warning'],
      ['n', 'notice'],
    ]);
    expect(rows[0]!.text()).toContain('阳江市气象台');
    expect(rows[0]!.text()).not.toContain('qxt-441700');
    expect(rows[1]!.get('.kind').text()).toBe('环境提示');
    expect(rows[1]!.text()).toContain('目标 II 类，实测 III 类');
  });
});

describe('AlertTicker', () => {
  it("marks the city's own environment notices apart from official warnings and names the official sender", async () => {
    const w = mountWidget(AlertTicker, { options: alertTickerOptions.parse({}), mode: 'real' });
    useAlertsStore().applyDelta([
      alertItem({ id: 'n', level: 'blue', kind: 'notice', sender: 'city-cockpit/env', headline: '某点位 噪声超标：限值 60 dB(A)，实测 66.0 dB(A)' }),
      alertItem({ id: 'w', level: 'blue', sender: 'qxt-441700@gd.cma.gov.cn', senderName: '阳江市气象台', headline: '暴雨蓝色预警' }),
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    const [first, second] = w.findAll('[data-alert-id]');
    expect([first!.attributes('data-alert-id'), first!.attributes('data-kind')]).toEqual(['w', 'warning']);
    expect(first!.text()).toContain('阳江市气象台');
    expect(first!.text()).not.toContain('环境提示');
    expect(second!.attributes('data-kind')).toBe('notice');
    expect(second!.text()).toContain('环境提示');
  });

  it('lists running alerts of its mode, most severe first, each with data-alert-id and its level colour', async () => {
    const alerts = useAlertsStore();
    const w = mountWidget(AlertTicker, { options: alertTickerOptions.parse({}), mode: 'real' });
    expect(w.attributes('data-empty')).toBe('true');
    alerts.applyDelta([
      alertItem({ id: 'y', level: 'yellow', headline: '暴雨黄色预警' }),
      alertItem({ id: 'r', level: 'red', headline: '台风红色预警' }),
      alertItem({ id: 'drill', level: 'red', exercise: true }),
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    const items = w.findAll('[data-alert-id]');
    expect(items.map((i) => i.attributes('data-alert-id'))).toEqual(['r', 'y']);
    expect(items[0]!.attributes('style')).toContain('#FF0000');
    expect(items[0]!.text()).toContain('台风红色预警');
    expect(w.attributes('data-empty')).toBe('false');
    alerts.applyDelta([alertItem({ id: 'r', level: 'red', state: 'cancelled' })]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.findAll('[data-alert-id]').map((i) => i.attributes('data-alert-id'))).toEqual(['y']);
  });

  it('says no alert is in force once the alert feed has answered with none', async () => {
    const w = mountWidget(AlertTicker, { options: alertTickerOptions.parse({}), mode: 'real' });
    expect(w.attributes('data-empty')).toBe('true');
    useAlertsStore().applySnapshot([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.attributes('data-empty')).toBe('false');
    expect(w.findAll('[data-alert-id]')).toHaveLength(0);
  });

  it('keeps its DOM bounded however many alerts come', async () => {
    const w = mountWidget(AlertTicker, { options: alertTickerOptions.parse({ limit: 5 }), mode: 'real' });
    for (let batch = 0; batch < 20; batch++) {
      useAlertsStore().applyDelta(Array.from({ length: 10 }, (_, i) => alertItem({ id: `a${batch}-${i}`, sent: new Date(Date.now() + batch * 1000 + i).toISOString() })));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(w.findAll('[data-alert-id]')).toHaveLength(5);
    expect(w.get('[data-alert-id]').attributes('data-alert-id')).toBe('a19-9');
  });
});

describe('CaseTrend24h', () => {
  const lastMerge = () => merges.at(-1) as { series: { id: string; data: number[] }[]; xAxis: { data: string[] } };

  it('loads 24 hourly buckets, then adds live cases to the current hour by merging bounded arrays', async () => {
    const w = mountWidget(CaseTrend24h, { options: {}, mode: 'real' });
    await flushPromises();
    await vi.advanceTimersByTimeAsync(1000);
    expect(apiCalls).toEqual(['/api/v1/stats/case-trend?hours=24']);
    expect(w.attributes('data-empty')).toBe('false');
    expect(lastMerge().series[0]!.data).toHaveLength(24);
    expect(lastMerge().series[0]!.data.at(-1)).toBe(2);

    await vi.advanceTimersByTimeAsync(60_000);
    const now = new Date().toISOString();
    live.feed([gridCase({ id: 'n1', reportedAt: now }), gridCase({ id: 'n2', reportedAt: now, status: 'closed', closedAt: now })]);
    live.feed([gridCase({ id: 'n1', reportedAt: now, status: 'registered' })]);
    await vi.advanceTimersByTimeAsync(1000);
    const merged = lastMerge();
    expect(merged.series.find((s) => s.id === 'reported')!.data.at(-1)).toBe(4);
    expect(merged.series.find((s) => s.id === 'closed')!.data.at(-1)).toBe(2);
    expect(merged.xAxis.data).toHaveLength(24);
  });

  it('asks for drill statistics in drill mode and ignores real cases there', async () => {
    mountWidget(CaseTrend24h, { options: {}, mode: 'drill' });
    await flushPromises();
    expect(apiCalls).toEqual(['/api/v1/stats/case-trend?hours=24&exercise=true']);
    await vi.advanceTimersByTimeAsync(60_000);
    const before = merges.length;
    live.feed([gridCase({ id: 'real', reportedAt: new Date().toISOString() })]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(merges.length).toBe(before);
  });
});

describe('a chart mounted when its data is already in the store (the carousel comes back to its theme)', () => {
  // The stores outlive the themes: a widget mounted later must draw what they hold at once,
  // not wait for the next change, which in a quiet hour may be minutes away.
  it('the closure gauge draws the rate it finds', async () => {
    useKpiStore().applySnapshot([vitalSigns('441700', 'city', { cases: { closureRate: 0.93 } })]);
    mountWidget(ClosureGauge, { options: {}, mode: 'real' });
    await flushPromises();
    expect(merges.at(-1)).toMatchObject({ series: [{ id: 'rate', data: [{ value: 0.93 }], detail: { formatter: '93.0%' } }] });
  });

  it('the water class mix draws the sections it finds', async () => {
    const now = new Date().toISOString();
    useEnvStore().applySnapshot([waterReading('441702-water-01', now, 'II'), waterReading('441702-water-02', now, 'IV')]);
    mountWidget(WaterClassMix, { options: {}, mode: 'real' });
    await flushPromises();
    const data = (merges.at(-1) as { series: { data: { name: string; value: number }[] }[] }).series[0]!.data;
    expect(data.filter((d) => d.value > 0).map((d) => [d.name, d.value])).toEqual([
      ['Ⅱ类', 1],
      ['Ⅳ类', 1],
    ]);
  });
});

describe('EconomyIndicators', () => {
  it("shows a grid administrator its district's indicators, the only region it receives (issue 10 #13)", async () => {
    useReferenceStore().city = yangjiang();
    useSessionStore().user = { username: 'grid', role: 'grid', districts: ['441702'] };
    const w = mountWidget(EconomyIndicators, { options: economyOptions.parse({ codes: ['gdp', 'retail'] }), mode: 'real' });
    useEconomyStore().applySnapshot([
      indicator({ id: 'gdp:441702:2026-Q3', code: 'gdp', region: '441702', period: '2026-Q3', value: 130, cumulative: 352.6, cumulativeYoy: 0.051, annualTarget: 490 }),
      indicator({ id: 'retail:441702:2026-10', code: 'retail', region: '441702', period: '2026-10', value: 22, cumulative: 231.4, cumulativeYoy: 0.04, annualTarget: 290 }),
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.findAll('[data-code]').map((r) => r.attributes('data-code'))).toEqual(['gdp', 'retail']);
    expect(w.get('[data-code="gdp"]').text()).toContain('352.6');
  });
});

describe('empty states (issue 10 #15)', () => {
  it('shows one "no data since" line instead of a row of cards full of dashes before any vital signs', async () => {
    const w = mountWidget(KpiCards, { options: kpiCardsOptions.parse({}), mode: 'real' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.findAll('[data-metric]')).toHaveLength(0);
    expect(w.get('[data-testid="empty-note"]').text()).toMatch(/^暂无数据 · 自 /);
    useKpiStore().applySnapshot([vitalSigns('441700', 'city')]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.findAll('[data-metric]')).toHaveLength(6);
    expect(w.find('[data-testid="empty-note"]').exists()).toBe(false);
  });

  it('draws no slice of a water-class donut without a graded section, and says since when there is none', async () => {
    const w = mountWidget(WaterClassMix, { options: {}, mode: 'real' });
    await flushPromises();
    const data = (merges.at(-1) as { series: { data: unknown[] }[] }).series[0]!.data;
    expect(data).toEqual([]);
    expect(w.attributes('data-empty')).toBe('true');
    expect(w.get('[data-testid="empty-note"]').text()).toMatch(/^暂无数据 · 自 (\d\d\/\d\d )?\d\d:\d\d 起$/);
    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(w.get('[data-testid="empty-note"]').text()).toMatch(/^No data since (\d\d\/\d\d, )?\d\d:\d\d$/);
  });
});

describe('DistrictRanking for a viewer of one district (issue 10 #13)', () => {
  it('ranks the level below, its unit grid cells, named after the nearest landmark', async () => {
    useReferenceStore().city = yangjiang();
    useSessionStore().user = { username: 'grid', role: 'grid', districts: ['441702'] };
    const w = mountWidget(DistrictRanking, { options: districtRankingOptions.parse({ metric: 'overdue' }), mode: 'real' });
    useKpiStore().applySnapshot([vitalSigns('441702', 'district')]);
    // 岗列农贸市场 is a camera site of 江城区 in the pack: two overdue cases by it, one elsewhere, one not overdue.
    const gangLie = yangjiang().cameras.find((c) => c.name === '岗列农贸市场')!.location;
    const at = (lon: number, lat: number) => ({ lon, lat });
    live.feed([
      gridCase({ id: 'a', gridCell: 'c1', location: at(gangLie.lon + 0.001, gangLie.lat), status: 'dispatched', overdue: true }),
      gridCase({ id: 'b', gridCell: 'c1', location: at(gangLie.lon, gangLie.lat + 0.001), status: 'in_progress', overdue: true }),
      gridCase({ id: 'c', gridCell: 'c2', location: at(111.83, 21.6), status: 'dispatched', overdue: true }),
      gridCase({ id: 'd', gridCell: 'c3', status: 'dispatched', overdue: false }),
    ]);
    await vi.advanceTimersByTimeAsync(1500);
    await flushPromises();
    expect(w.attributes('data-level')).toBe('cells');
    expect(w.attributes('data-empty')).toBe('false');
    expect(w.get('.caption').text()).toBe('江城区 · 各网格超期事件');
    const last = merges.at(-1) as { yAxis: { data: string[] }; series: { data: { value: number }[] }[] };
    expect(last.yAxis.data[0]).toBe('岗列农贸市场一带');
    expect(last.series[0]!.data.map((d) => d.value)).toEqual([2, 1]);
  });

  it('keeps ranking districts for a city-wide viewer', async () => {
    useReferenceStore().city = yangjiang();
    useSessionStore().user = { username: 'leader', role: 'leader', districts: null };
    const w = mountWidget(DistrictRanking, { options: districtRankingOptions.parse({ metric: 'cases' }), mode: 'real' });
    useKpiStore().applySnapshot([vitalSigns('441700', 'city'), vitalSigns('441702', 'district'), vitalSigns('441704', 'district')]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.attributes('data-level')).toBe('districts');
    expect((merges.at(-1) as { yAxis: { data: string[] } }).yAxis.data).toEqual(['江城区', '阳东区']);
  });
});
