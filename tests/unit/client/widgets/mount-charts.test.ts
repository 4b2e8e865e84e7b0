import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { useEconomyStore, useEnvStore, useKpiStore } from '../../../../client/src/stores/streams.js';
import { useSessionStore } from '../../../../client/src/stores/session.js';
import { useReferenceStore } from '../../../../client/src/stores/reference.js';
import EconomyIndicators from '../../../../client/src/widgets/EconomyIndicators/EconomyIndicators.vue';
import DistrictRanking from '../../../../client/src/widgets/DistrictRanking/DistrictRanking.vue';
import { districtRankingOptions } from '../../../../client/src/widgets/DistrictRanking/district-ranking.js';
import { economyOptions } from '../../../../client/src/widgets/EconomyIndicators/economy-rows.js';
import { yangjiang } from '../map/fixtures.js';
import CaseTrend24h from '../../../../client/src/widgets/CaseTrend24h/CaseTrend24h.vue';
import ClosureGauge from '../../../../client/src/widgets/ClosureGauge/ClosureGauge.vue';
import WaterClassMix from '../../../../client/src/widgets/WaterClassMix/WaterClassMix.vue';
import { gridCase, indicator, vitalSigns, waterReading } from './fixtures.js';
import { live, mountWidget, useMountedWidgets } from './mount-harness.js';
import { merges, apiCalls } from './mount-mocks.js';

vi.mock('../../../../client/src/composables/useECharts.js', () => import('./mount-mocks.js').then((m) => m.echartsModule));
vi.mock('../../../../client/src/services/api.js', () => import('./mount-mocks.js').then((m) => m.apiModule));

useMountedWidgets();

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
