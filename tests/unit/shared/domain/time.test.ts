import { describe, expect, it } from 'vitest';
import { chinaDateString, chinaDayStart, chinaHour, chinaYearMonth, toDate } from '../../../../shared/domain/time.js';

describe('China time helpers', () => {
  it('starts the China day at 16:00 UTC of the previous UTC day', () => {
    expect(chinaDayStart('2026-06-01T03:00:00Z').toISOString()).toBe('2026-05-31T16:00:00.000Z');
    expect(chinaDayStart('2026-06-01T15:59:59.999Z').toISOString()).toBe('2026-05-31T16:00:00.000Z');
    expect(chinaDayStart('2026-06-01T16:00:00Z').toISOString()).toBe('2026-06-01T16:00:00.000Z');
  });

  it('keeps an instant exactly at China midnight as its own day start', () => {
    expect(chinaDayStart(new Date('2026-01-01T00:00:00+08:00')).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('reads the hour on the China wall clock, whatever offset the input carries', () => {
    expect(chinaHour('2026-06-01T00:30:00Z')).toBe(8);
    expect(chinaHour('2026-06-01T15:59:00Z')).toBe(23);
    expect(chinaHour('2026-06-01T16:00:00Z')).toBe(0);
    expect(chinaHour('2026-06-01T06:00:00+08:00')).toBe(6);
    expect(chinaHour('2026-06-01T06:00:00-05:00')).toBe(19);
  });

  it('formats the China calendar date across the UTC date line and year end', () => {
    expect(chinaDateString('2025-12-31T16:00:00Z')).toBe('2026-01-01');
    expect(chinaDateString('2025-12-31T15:59:59Z')).toBe('2025-12-31');
    expect(chinaDateString(Date.parse('2026-02-28T20:00:00Z'))).toBe('2026-03-01');
    expect(chinaYearMonth('2025-12-31T16:00:00Z')).toEqual({ year: 2026, month: 1 });
  });

  it('rejects an unparseable timestamp instead of computing with NaN', () => {
    expect(() => chinaHour('not a date')).toThrow(RangeError);
    expect(() => toDate(Number.NaN)).toThrow(RangeError);
  });

  it('does not alias a Date passed in', () => {
    const d = new Date('2026-06-01T00:00:00Z');
    expect(toDate(d)).not.toBe(d);
    expect(toDate(d).getTime()).toBe(d.getTime());
  });
});
