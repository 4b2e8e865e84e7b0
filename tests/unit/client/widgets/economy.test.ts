import { describe, expect, it } from 'vitest';
import { economyRows, economyOptions } from '../../../../client/src/widgets/EconomyIndicators/economy-rows.js';
import { growthUpdate } from '../../../../client/src/widgets/EconomyIndicators/economy-option.js';
import { indicator } from './fixtures.js';

describe('economy rows', () => {
  const items = [
    indicator({ code: 'gdp', period: '2026-Q2', cumulative: 781.2, cumulativeYoy: 0.04, annualTarget: 1650, completion: 0.4735, onPace: 0.9469 }),
    indicator({ code: 'gdp', period: '2026-Q3', cumulative: 1170.9, cumulativeYoy: 0.034, annualTarget: 1639.9, completion: 0.714, onPace: 0.952 }),
    indicator({ code: 'retail', period: '2026-10', cumulative: 670.46, cumulativeYoy: 0.0327, annualTarget: 600 }),
    indicator({ code: 'fai', period: '2026-10', cumulative: 456.7, cumulativeYoy: -0.007 }),
    indicator({ code: 'cpi', period: '2026-10', value: 100.4, cumulative: 100.3, cumulativeYoy: 0.003, unit: '上年同期=100' }),
    indicator({ code: 'unemployment', period: '2026-10', value: 4.9, yoy: 0.1, unit: '%' }),
    indicator({ code: 'gdp', period: '2026-Q3', region: '441702', cumulative: 1 }),
  ];

  it('shows the latest period of each requested indicator of the region, in the requested order', () => {
    const rows = economyRows(items, '441700', ['retail', 'gdp', 'electricity']);
    expect(rows.map((r) => [r.code, r.period, r.value])).toEqual([
      ['retail', '2026-10', 670.46],
      ['gdp', '2026-Q3', 1170.9],
    ]);
  });

  it('gives completion against 序时进度 and whether it is on pace (server values, or derived)', () => {
    const [gdp, retail] = economyRows(items, '441700', ['gdp', 'retail']);
    expect(gdp).toMatchObject({ completion: 0.714, elapsed: 0.75, onPace: 0.952, growth: 0.034 });
    // Derived with the shared calculators when the update lacks them: 670.46 / 600, over 10/12 of the year.
    expect(retail!.completion).toBeCloseTo(1.1174, 4);
    expect(retail!.elapsed).toBeCloseTo(10 / 12);
    expect(retail!.onPace).toBeCloseTo(1.3409, 4);
  });

  it('has no target tracking without a target, and reads indices and rates in their own terms', () => {
    const [fai, cpi, unemployment] = economyRows(items, '441700', ['fai', 'cpi', 'unemployment']);
    expect(fai).toMatchObject({ completion: null, elapsed: null, onPace: null, growth: -0.007 });
    expect(cpi).toMatchObject({ kind: 'index', value: 100.3, growth: 0.003, unit: '上年同期=100' });
    expect(unemployment).toMatchObject({ kind: 'rate', value: 4.9, growth: 0.1, unit: '%' });
  });

  it('never shows drill indicators among real ones', () => {
    expect(economyRows(items, '441700', ['electricity'])).toEqual([]);
  });

  it('draws growth bars: negative ones in the warning colour, labelled on their own side', () => {
    const u = growthUpdate(
      [
        { code: 'gdp', growth: 0.034 },
        { code: 'fai', growth: -0.007 },
      ],
      (v) => `${(v * 100).toFixed(1)}%`,
    ) as {
      series: { data: { value: number; itemStyle: { color: string }; label: { position: string; formatter: () => string } }[] }[];
    };
    const [up, down] = u.series[0]!.data;
    expect([up!.label.position, down!.label.position]).toEqual(['right', 'left']);
    expect(up!.itemStyle.color).not.toBe(down!.itemStyle.color);
    expect(down!.label.formatter()).toBe('-0.7%');
  });

  it('defaults to the six headline amounts', () => {
    expect(economyOptions.parse({}).codes).toEqual(['gdp', 'industry_va', 'fai', 'retail', 'budget_revenue', 'electricity']);
  });
});
