import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { i18n } from '../../../../client/src/i18n/index.js';
import { useAlertsStore, useKpiStore } from '../../../../client/src/stores/streams.js';
import KpiCards from '../../../../client/src/widgets/KpiCards/KpiCards.vue';
import AlertTicker from '../../../../client/src/widgets/AlertTicker/AlertTicker.vue';
import WaterClassMix from '../../../../client/src/widgets/WaterClassMix/WaterClassMix.vue';
import { kpiCardsOptions } from '../../../../client/src/widgets/KpiCards/kpi-metrics.js';
import { alertTickerOptions } from '../../../../client/src/widgets/AlertTicker/index.js';
import AlertList from '../../../../client/src/widgets/AlertList/AlertList.vue';
import { alertListOptions } from '../../../../client/src/widgets/AlertList/index.js';
import { alertItem, vitalSigns } from './fixtures.js';
import { mountWidget, useMountedWidgets } from './mount-harness.js';
import { merges } from './mount-mocks.js';

vi.mock('../../../../client/src/composables/useECharts.js', () => import('./mount-mocks.js').then((m) => m.echartsModule));
vi.mock('../../../../client/src/services/api.js', () => import('./mount-mocks.js').then((m) => m.apiModule));

useMountedWidgets();

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
