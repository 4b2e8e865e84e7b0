import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KPI_METRICS, kpiCardsOptions } from '../../../../client/src/widgets/KpiCards/kpi-metrics.js';
import { viewerSigns } from '../../../../client/src/widgets/KpiCards/viewer-signs.js';
import { DEFAULT_KPI_TARGETS, targetOf, targetStatus } from '../../../../client/src/widgets/KpiCards/kpi-targets.js';
import { kpiCardModel } from '../../../../client/src/widgets/KpiCards/kpi-card-model.js';
import { recordSample, seedSamples, SPARK_WINDOW_MS, useKpiHistory, type KpiSample } from '../../../../client/src/widgets/KpiCards/kpi-history.js';
import { useKpiStore } from '../../../../client/src/stores/streams.js';
import { sparkPath } from '../../../../client/src/widgets/KpiCards/sparkline.js';
import { vitalSigns } from './fixtures.js';

const NOW = Date.parse('2026-07-01T02:30:00Z');

describe('KPI metrics and targets', () => {
  const city = vitalSigns('441700', 'city', { cases: { closureRate: 0.85 }, air: { aqi: 120, stations: 3 } });

  it('reads each metric from the city vital signs', () => {
    const values = Object.fromEntries(Object.entries(KPI_METRICS).map(([m, spec]) => [m, spec.read(city)]));
    expect(values).toEqual({
      casesToday: 10,
      openCases: 5,
      overdue: 1,
      closureRate: 0.85,
      alertsActive: 3,
      aqi: 120,
      waterGood: 0.8,
      noiseExceeding: 0,
      gdpYoy: 0.052,
      goodDays: 0.95,
      pm25Year: 21.5,
    });
  });

  it('reads an unmeasured value as unknown, not zero', () => {
    const quiet = vitalSigns('441700', 'city', { air: { aqi: null, stations: 0 }, water: { sections: 0, classIIIOrBetter: null }, noise: { points: 0, exceeding: 0 } });
    expect([KPI_METRICS.aqi.read(quiet), KPI_METRICS.waterGood.read(quiet), KPI_METRICS.noiseExceeding.read(quiet)]).toEqual([null, null, null]);
  });

  it('judges values against the default targets: at most for AQI and overdue, at least for rates', () => {
    expect(targetStatus(0.85, targetOf('closureRate'))).toBe('missed');
    expect(targetStatus(0.9, targetOf('closureRate'))).toBe('met');
    expect(targetStatus(100, targetOf('aqi'))).toBe('met');
    expect(targetStatus(101, targetOf('aqi'))).toBe('missed');
    expect(targetStatus(1, targetOf('overdue'))).toBe('missed');
    expect(targetStatus(5, targetOf('casesToday'))).toBe('none');
    expect(targetStatus(null, targetOf('aqi'))).toBe('none');
    expect(DEFAULT_KPI_TARGETS.waterGood).toEqual({ bound: 'min', value: 0.8 });
  });

  it('lets a screen override a target value, keeping its direction', () => {
    expect(targetOf('closureRate', { closureRate: 0.8 })).toEqual({ bound: 'min', value: 0.8 });
    expect(targetStatus(0.85, targetOf('closureRate', { closureRate: 0.8 }))).toBe('met');
  });

  it("measures the year's good-day ratio and PM2.5 mean against the targets the vital signs carry from the city pack", () => {
    const year = vitalSigns('441700', 'city', { airYear: { goodDaysRatio: 0.9, pm25Mean: 21.5, goodDaysTarget: 0.95, pm25Target: 22 } });
    expect(kpiCardModel('goodDays', year, [], {}, NOW)).toMatchObject({ value: 0.9, format: 'share', target: { bound: 'min', value: 0.95 }, status: 'missed' });
    expect(kpiCardModel('pm25Year', year, [], {}, NOW)).toMatchObject({ value: 21.5, unit: 'ugm3', target: { bound: 'max', value: 22 }, status: 'met' });
    const none = vitalSigns('441700', 'city', { airYear: { goodDaysRatio: null, goodDaysTarget: null } });
    expect(kpiCardModel('goodDays', none, [], {}, NOW)).toMatchObject({ value: null, target: null, status: 'none' });
  });

  it('builds a card: value, target status and the trend ending with the value now', () => {
    const samples: KpiSample[] = [{ at: NOW - 600_000, signs: vitalSigns('441700', 'city', { cases: { closureRate: 0.7 } }) }];
    const card = kpiCardModel('closureRate', city, samples, {}, NOW);
    expect(card).toMatchObject({ value: 0.85, format: 'share', status: 'missed', target: { bound: 'min', value: 0.9 } });
    expect(card.trend).toEqual([
      { at: NOW - 600_000, value: 0.7 },
      { at: NOW, value: 0.85 },
    ]);
    expect(kpiCardModel('aqi', null, [], {}, NOW)).toMatchObject({ value: null, status: 'none', trend: [] });
  });

  it('finds the city among the scopes, and defaults to six cards', () => {
    expect(viewerSigns([vitalSigns('441702', 'district'), city])?.scope).toBe('441700');
    expect(kpiCardsOptions.parse({}).metrics).toHaveLength(6);
    expect(() => kpiCardsOptions.parse({ metrics: ['nope'] })).toThrow();
  });
});

describe('the viewer\'s vital signs (issue 10 #13: a grid user\'s wall was all "—")', () => {
  it("reads a scoped viewer's own district when the server sends no city scope", () => {
    const mine = vitalSigns('441702', 'district', { cases: { today: 42, closureRate: 0.97 } });
    expect(viewerSigns([mine])).toBe(mine);
    expect(KPI_METRICS.casesToday.read(viewerSigns([mine])!)).toBe(42);
    expect(viewerSigns([])).toBeNull();
  });

  it('combines several districts: counts add up, shares weighted by what they measure', () => {
    const a = vitalSigns('441704', 'district', { cases: { today: 30, open: 4, overdue: 1, closureRate: 0.9 }, air: { aqi: 40, stations: 1 }, water: { sections: 1, classIIIOrBetter: 0 } });
    const b = vitalSigns('441702', 'district', { cases: { today: 10, open: 6, overdue: 2, closureRate: 0.98 }, air: { aqi: 80, stations: 3 }, water: { sections: 3, classIIIOrBetter: 1 } });
    const v = viewerSigns([a, b])!;
    expect(v.scope).toBe('441702+441704');
    expect(v.cases).toMatchObject({ today: 40, open: 10, overdue: 3 });
    expect(v.cases.closureRate).toBeCloseTo((0.9 * 30 + 0.98 * 10) / 40, 6);
    expect(v.air).toMatchObject({ aqi: 70, stations: 4 });
    expect(v.water).toEqual({ sections: 4, classIIIOrBetter: 0.75 });
    expect(v.alerts.active.yellow).toBe(4);
    expect(v.economy.gdpCumulativeYoy).toBeNull();
  });
});

describe('KPI sparkline history', () => {
  it('keeps one sample per minute and nothing older than an hour: bounded however long it runs', () => {
    const samples: KpiSample[] = [];
    const signs = vitalSigns('441700', 'city');
    for (let s = 0; s < 3 * 3600; s += 7) recordSample(samples, { at: NOW + s * 1000, signs });
    expect(samples.length).toBeLessThanOrEqual(61);
    expect(samples[samples.length - 1]!.at - samples[0]!.at).toBeLessThanOrEqual(SPARK_WINDOW_MS);
    const minutes = samples.map((x) => Math.floor(x.at / 60_000));
    expect(new Set(minutes).size).toBe(minutes.length);
  });

  it('draws a path scaled to the values, breaking at unknown values', () => {
    const d = sparkPath(
      [
        { at: 0, value: 1 },
        { at: 50, value: 3 },
        { at: 75, value: null },
        { at: 100, value: 2 },
      ],
      0,
      100,
      100,
      32,
    );
    expect(d).toBe('M0.00 30.00L50.00 2.00M100.00 16.00');
    expect(
      sparkPath(
        [
          { at: 0, value: 5 },
          { at: 100, value: 5 },
        ],
        0,
        100,
        100,
        32,
      ),
    ).toBe('M0.00 16.00L100.00 16.00');
    expect(sparkPath([], 0, 100)).toBe('');
  });
});

describe('KPI sparkline seeded from the server', () => {
  const MIN = 60_000;
  const at = (m: number, value = m) => ({ at: NOW + m * MIN, signs: vitalSigns('441700', 'city', { cases: { today: value } }) });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("puts the server's earlier minutes under the ones recorded here, which win a shared minute", () => {
    const samples = [at(10, 100), at(11, 110)];
    seedSamples(samples, [at(8), at(9), at(10, 999)]);
    expect(samples.map((s) => [s.at, s.signs.cases.today])).toEqual([
      [NOW + 8 * MIN, 8],
      [NOW + 9 * MIN, 9],
      [NOW + 10 * MIN, 100],
      [NOW + 11 * MIN, 110],
    ]);
  });

  it('keeps to the hour before the newest sample, and seeds an empty history whole', () => {
    const samples = [at(100)];
    seedSamples(
      samples,
      Array.from({ length: 90 }, (_, i) => at(i + 10)),
    );
    expect(samples[0]!.at).toBe(NOW + 40 * MIN);
    expect(samples[samples.length - 1]!.at - samples[0]!.at).toBe(SPARK_WINDOW_MS);
    const empty: KpiSample[] = [];
    seedSamples(empty, [at(1), at(2)]);
    expect(empty.map((s) => s.at)).toEqual([NOW + MIN, NOW + 2 * MIN]);
  });

  it("asks the server for the city's last hour once the city's signs arrive, and tries again a minute after a failure", async () => {
    vi.useFakeTimers({ now: NOW + 30 * MIN, toFake: ['Date'] });
    setActivePinia(createPinia());
    const answers = [
      new Response('{"error":{"code":"unavailable","message":"down"}}', { status: 503, headers: { 'content-type': 'application/json' } }),
      new Response(JSON.stringify({ items: [5, 6].map((m) => ({ ...at(m).signs, computedAt: new Date(NOW + m * MIN).toISOString() })) }), { headers: { 'content-type': 'application/json' } }),
    ];
    const fetch = vi.fn(async (_url: string) => answers.shift()!);
    vi.stubGlobal('fetch', fetch);
    const kpi = useKpiStore();
    const history = useKpiHistory();
    expect(fetch).not.toHaveBeenCalled(); // no city signs yet
    kpi.applySnapshot([vitalSigns('441700', 'city', { cases: { today: 30 } })]);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/kpi/history?district=441700');
    await new Promise((resolve) => setTimeout(resolve, 20)); // the refusal is handled
    expect(history.real.length).toBe(1); // the failure left the live sample alone
    kpi.applyDelta([vitalSigns('441700', 'city', { cases: { today: 30 }, alerts: { unacknowledged: 2 } })]);
    expect(fetch).toHaveBeenCalledTimes(1); // not again within the minute

    vi.setSystemTime(NOW + 31 * MIN);
    kpi.applyDelta([vitalSigns('441700', 'city', { cases: { today: 31 } })]);
    await vi.waitFor(() => expect(history.real.map((s) => s.signs.cases.today)).toEqual([5, 6, 30, 31]));
    kpi.applyDelta([vitalSigns('441700', 'city', { cases: { today: 32 } })]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
