import { describe, expect, it } from 'vitest';
import { calendarSpan, dayYearEarlier, shiftPeriod } from '../../../../shared/domain/calendar-period.js';

const iso = (local: string) => new Date(`${local}T00:00:00+08:00`).toISOString();
const span = (text: string) => {
  const s = calendarSpan(text, 480);
  return s && { kind: s.kind, from: s.from.toISOString(), to: s.to.toISOString() };
};

describe('calendar periods', () => {
  it('reads days, months, quarters and years in local time', () => {
    expect(span('2028-02-29')).toEqual({ kind: 'day', from: iso('2028-02-29'), to: iso('2028-03-01') });
    expect(span('2025-12')).toEqual({ kind: 'month', from: iso('2025-12-01'), to: iso('2026-01-01') });
    expect(span('2026-Q4')).toEqual({ kind: 'quarter', from: iso('2026-10-01'), to: iso('2027-01-01') });
    expect(span('2026')).toEqual({ kind: 'year', from: iso('2026-01-01'), to: iso('2027-01-01') });
  });

  it('refuses what is no calendar period', () => {
    for (const bad of ['2026-13', '2027-02-29', '2026-Q5', '26', '', 'custom', null]) expect(calendarSpan(bad, 480), String(bad)).toBeNull();
  });

  it('steps across year ends and leap days', () => {
    expect(shiftPeriod(new Date(iso('2026-01-01')), 'month', -1, 480).toISOString()).toBe(iso('2025-12-01'));
    expect(shiftPeriod(new Date(iso('2026-01-01')), 'quarter', -1, 480).toISOString()).toBe(iso('2025-10-01'));
    expect(shiftPeriod(new Date(iso('2026-03-01')), 'day', -1, 480).toISOString()).toBe(iso('2026-02-28'));
    expect(dayYearEarlier(new Date(iso('2028-02-29')), 480).toISOString()).toBe(iso('2027-02-28'));
  });
});
