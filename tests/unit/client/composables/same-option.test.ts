import { describe, expect, it } from 'vitest';
import { sameOption } from '../../../../client/src/composables/same-option.js';
import { gaugeUpdate } from '../../../../client/src/widgets/ClosureGauge/gauge-option.js';
import { rankingUpdate } from '../../../../client/src/widgets/DistrictRanking/ranking-option.js';

describe('sameOption', () => {
  it('treats equal option merges built anew as the same', () => {
    const make = () => ({ xAxis: { data: ['08:00', '09:00'] }, series: [{ id: 'a', data: [1, null, { value: 2 }] }] });
    expect(sameOption(make(), make())).toBe(true);
  });

  it('sees a changed value, a missing key or a longer array', () => {
    expect(sameOption({ series: [{ data: [1, 2] }] }, { series: [{ data: [1, 3] }] })).toBe(false);
    expect(sameOption({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameOption({ data: [1] }, { data: [1, 1] })).toBe(false);
    expect(sameOption({ data: [] }, { data: {} })).toBe(false);
  });

  it('counts functions as the same only when they are the same function', () => {
    const f = (v: number) => String(v);
    expect(sameOption({ formatter: f }, { formatter: f })).toBe(true);
    expect(sameOption({ formatter: (v: number) => String(v) }, { formatter: (v: number) => String(v) })).toBe(false);
  });
});

describe('chart merges of unchanged data', () => {
  const show = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

  it('a district ranking built twice from the same bars is the same merge', () => {
    const bars = [{ label: '鼓楼区', value: 0.9, alert: false }];
    expect(sameOption(rankingUpdate(bars, 'x', show, null), rankingUpdate(bars, 'x', show, null))).toBe(true);
    expect(sameOption(rankingUpdate(bars, 'x', show, null), rankingUpdate([{ ...bars[0]!, value: 0.8 }], 'x', show, null))).toBe(false);
  });

  it('the closure gauge carries its label as text, so a new rate is a new merge', () => {
    expect(sameOption(gaugeUpdate(0.5, false, show), gaugeUpdate(0.5, false, show))).toBe(true);
    const detail = (gaugeUpdate(0.5, false, show) as { series: { detail: { formatter: unknown } }[] }).series[0]!.detail;
    expect(detail.formatter).toBe('50%');
    expect(sameOption(gaugeUpdate(0.5, false, show), gaugeUpdate(0.6, false, show))).toBe(false);
  });
});
