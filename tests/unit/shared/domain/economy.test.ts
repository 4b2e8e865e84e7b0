import { describe, expect, it } from 'vitest';
import { INDICATORS, completion, deriveIndicator, growthFromIndex, growthRate, onPace, pointChange } from '../../../../shared/domain/economy.js';

describe('growth', () => {
  it('同比 = this ÷ base − 1, as a fraction', () => {
    expect(growthRate(105.3, 100)).toBeCloseTo(0.053, 12);
    expect(growthRate(90, 100)).toBeCloseTo(-0.1, 12);
  });

  it('has no growth without a positive base', () => {
    expect(growthRate(10, 0)).toBeNull();
    expect(growthRate(10, null)).toBeNull();
    expect(growthRate(undefined, 10)).toBeNull();
    expect(growthRate(10, -5)).toBeNull();
  });

  it('reads CPI growth from its 上年同期=100 index and rate changes in points', () => {
    expect(growthFromIndex(101.2)).toBeCloseTo(0.012, 12);
    expect(growthFromIndex(99.5)).toBeCloseTo(-0.005, 12);
    expect(pointChange(5.2, 5.0)).toBeCloseTo(0.2, 12);
  });
});

describe('target tracking', () => {
  it('completion = cumulative ÷ annual target', () => {
    expect(completion(750, 1000)).toBe(0.75);
    expect(completion(750, 0)).toBeNull();
  });

  it('on-pace = cumulative ÷ (target × elapsed share)', () => {
    expect(onPace(750, 1000, '2026-Q3')).toBeCloseTo(1, 12);
    expect(onPace(700, 1200, '2026-06')).toBeCloseTo(700 / 600, 12);
    expect(onPace(700, null, '2026-06')).toBeNull();
  });
});

describe('deriveIndicator', () => {
  it('computes monthly and cumulative growth of an amount separately, plus 环比', () => {
    const r = deriveIndicator({ code: 'retail', period: '2026-10', value: 110, cumulative: 1050, annualTarget: 1200 }, { lastYear: { value: 100, cumulative: 1000 }, previous: { value: 100 } });
    expect(r.yoy).toBeCloseTo(0.1, 12);
    expect(r.cumulativeYoy).toBeCloseTo(0.05, 12); // not the average of monthly growth
    expect(r.mom).toBeCloseTo(0.1, 12);
    expect(r.completion).toBeCloseTo(0.875, 12);
    expect(r.onPace).toBeCloseTo(1050 / 1000, 12);
  });

  it('keeps rates given by the source', () => {
    const r = deriveIndicator({ code: 'gdp', period: '2026-Q2', cumulative: 500, cumulativeYoy: 0.061 }, { lastYear: { cumulative: 400 } });
    expect(r.cumulativeYoy).toBe(0.061);
  });

  it('leaves growth null without the base periods', () => {
    expect(deriveIndicator({ code: 'fai', period: '2026-03', cumulative: 300 })).toEqual({ yoy: null, cumulativeYoy: null, mom: null, completion: null, onPace: null });
  });

  it('derives CPI growth from the index and never a target completion', () => {
    const r = deriveIndicator({ code: 'cpi', period: '2026-05', value: 100.8, cumulative: 100.5, annualTarget: 103 }, { lastYear: { value: 102 }, previous: { value: 100.6 } });
    expect(r.yoy).toBeCloseTo(0.008, 12);
    expect(r.cumulativeYoy).toBeCloseTo(0.005, 12);
    expect(r.mom).toBeNull();
    expect(r.completion).toBeNull();
    expect(r.onPace).toBeNull();
  });

  it('gives unemployment changes in percentage points and no target completion', () => {
    const r = deriveIndicator({ code: 'unemployment', period: '2026-05', value: 5.0, annualTarget: 5.5 }, { lastYear: { value: 5.2 }, previous: { value: 5.1 } });
    expect(r.yoy).toBeCloseTo(-0.2, 12);
    expect(r.mom).toBeCloseTo(-0.1, 12);
    expect(r.completion).toBeNull();
  });

  it('classifies the indicators', () => {
    expect(INDICATORS.gdp).toMatchObject({ kind: 'amount', unit: '亿元', frequency: 'quarter' });
    expect(INDICATORS.electricity.unit).toBe('亿千瓦时');
    expect(INDICATORS.cpi.kind).toBe('index');
    expect(INDICATORS.unemployment).toMatchObject({ kind: 'rate', unit: '%' });
  });
});
