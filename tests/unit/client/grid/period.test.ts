import { describe, expect, it } from 'vitest';
import { calendarPeriodOf, dayStart, daysSpan, evaluationSpan, growth, periodSpan, pointsChange, spanDays, windowSpan } from '../../../../client/src/grid/period.js';

/** 2026-12-07 10:30 China time. */
const NOW = new Date('2026-12-07T02:30:00Z');
const iso = (s: { from: Date; to: Date } | null) => (s ? [s.from.toISOString(), s.to.toISOString()] : null);

describe('heatmap windows (China days)', () => {
  it('today runs from China midnight to now', () => {
    expect(iso(windowSpan({ window: 'today' }, NOW))).toEqual(['2026-12-06T16:00:00.000Z', NOW.toISOString()]);
  });

  it('7 and 30 days are whole China days ending today', () => {
    expect(iso(windowSpan({ window: '7d' }, NOW))).toEqual(['2026-11-30T16:00:00.000Z', NOW.toISOString()]);
    expect(spanDays(windowSpan({ window: '7d' }, NOW)!)).toEqual({ first: '2026-12-01', last: '2026-12-07' });
    expect(spanDays(windowSpan({ window: '30d' }, NOW)!)).toEqual({ first: '2026-11-08', last: '2026-12-07' });
  });

  it('a month is whole when past, up to now when current, nothing when in the future or malformed', () => {
    expect(iso(windowSpan({ window: 'month', month: '2026-11' }, NOW))).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    expect(iso(windowSpan({ window: 'month' }, NOW))).toEqual(['2026-11-30T16:00:00.000Z', NOW.toISOString()]);
    expect(windowSpan({ window: 'month', month: '2027-01' }, NOW)).toBeNull();
    expect(windowSpan({ window: 'month', month: '2026-13' }, NOW)).toBeNull();
  });

  it('custom days are inclusive; reversed, missing or impossible days give nothing', () => {
    expect(spanDays(windowSpan({ window: 'custom', from: '2026-11-01', to: '2026-11-03' }, NOW)!)).toEqual({ first: '2026-11-01', last: '2026-11-03' });
    expect(iso(daysSpan('2026-11-01', '2026-11-01'))).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-01T16:00:00.000Z']);
    expect(daysSpan('2026-11-03', '2026-11-01')).toBeNull();
    expect(daysSpan('2026-11-01', null)).toBeNull();
    expect(dayStart('2026-02-30')).toBeNull();
  });
});

describe('evaluation periods', () => {
  it('spans a month, a quarter and a year in China time, across the year end', () => {
    expect(iso(periodSpan('2026-12'))).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    expect(iso(periodSpan('2026-Q4'))).toEqual(['2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    expect(iso(periodSpan('2026-Q1'))).toEqual(['2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z']);
    expect(iso(periodSpan('2026'))).toEqual(['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    expect(periodSpan('2026-Q5')).toBeNull();
    expect(periodSpan('26-11')).toBeNull();
  });

  it('defaults to this month; custom uses its days', () => {
    expect(spanDays(evaluationSpan(null, null, null, NOW)!)).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(spanDays(evaluationSpan('custom', '2026-10-15', '2026-11-14', NOW)!)).toEqual({ first: '2026-10-15', last: '2026-11-14' });
    expect(evaluationSpan('custom', null, '2026-11-14', NOW)).toBeNull();
  });
});

describe('comparisons (环比, 同比)', () => {
  it('growth is value ÷ base − 1, nothing without a base or on a zero base', () => {
    expect(growth(12, 10)).toBeCloseTo(0.2);
    expect(growth(8, 10)).toBeCloseTo(-0.2);
    expect(growth(5, 0)).toBeNull();
    expect(growth(5, null)).toBeNull();
    expect(growth(null, 5)).toBeNull();
  });

  it('a rate changes in points', () => {
    expect(pointsChange(0.9, 0.8)).toBeCloseTo(0.1);
    expect(pointsChange(0.9, null)).toBeNull();
  });
});

describe('what the server compares with', () => {
  const now = new Date('2026-03-07T02:30:00Z'); // 10:30 on 7 March, China time
  it('names the calendar period of today, a month and the evaluation periods, so 环比 is the previous calendar period', () => {
    expect(calendarPeriodOf({ window: 'today' }, now)).toBe('2026-03-07');
    expect(calendarPeriodOf({ window: 'month' }, now)).toBe('2026-03');
    expect(calendarPeriodOf({ window: 'month', month: '2026-01' }, now)).toBe('2026-01');
    expect(calendarPeriodOf({ period: null }, now)).toBe('2026-03');
    expect(calendarPeriodOf({ period: '2025-Q4' }, now)).toBe('2025-Q4');
    expect(calendarPeriodOf({ period: '2025' }, now)).toBe('2025');
  });
  it('names none for runs of days, compared with as many days before', () => {
    expect(calendarPeriodOf({ window: '7d' }, now)).toBeNull();
    expect(calendarPeriodOf({ window: 'custom', from: '2026-03-01', to: '2026-03-05' }, now)).toBeNull();
    expect(calendarPeriodOf({ period: 'custom' }, now)).toBeNull();
  });
});
