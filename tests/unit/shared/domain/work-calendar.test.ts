import { describe, expect, it } from 'vitest';
import { addClockHours, clockHoursBetween, workCalendarProblems, type WorkCalendar } from '../../../../shared/domain/work-calendar.js';

/** Guangdong office hours and the 2025 National Day / Mid-Autumn holiday (国办发明电〔2024〕12号). */
const GD: WorkCalendar = {
  utcOffsetMinutes: 480,
  workdays: [1, 2, 3, 4, 5],
  hours: [
    ['08:30', '12:00'],
    ['14:00', '17:30'],
  ],
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  workingDays: ['2025-09-28', '2025-10-11'],
};

const cst = (local: string) => new Date(`${local}+08:00`);
const work = (start: string, hours: number) => addClockHours('working', GD, cst(start), hours).toISOString();
const iso = (local: string) => cst(local).toISOString();

describe('addClockHours on the working clock', () => {
  it('carries a Friday afternoon deadline over the weekend to Monday', () => {
    // Fri 16:00–17:30 counts 1.5 h; the other 2.5 h run Mon 08:30–11:00.
    expect(work('2025-09-05T16:00:00', 4)).toBe(iso('2025-09-08T11:00:00'));
  });

  it('skips the 国庆 holidays and counts the Saturday make-up working day', () => {
    // Tue 30 Sep 1.5 h, 1–8 Oct off, Thu 9 Oct 7 h, Fri 10 Oct 7 h, Sat 11 Oct (调休上班) 7 h, Sun off, Mon 13 Oct 08:30–10:00.
    expect(work('2025-09-30T16:00:00', 24)).toBe(iso('2025-10-13T10:00:00'));
    // Sunday 28 Sep is a make-up working day: a Saturday start runs into it.
    expect(work('2025-09-27T10:00:00', 2)).toBe(iso('2025-09-28T10:30:00'));
  });

  it('pauses over the lunch break', () => {
    expect(work('2025-09-08T11:00:00', 2)).toBe(iso('2025-09-08T15:00:00'));
    expect(work('2025-09-08T12:30:00', 1)).toBe(iso('2025-09-08T15:00:00'));
  });

  it('starts a case dispatched on a holiday at the first working morning', () => {
    expect(work('2025-10-03T09:00:00', 1)).toBe(iso('2025-10-09T09:30:00'));
  });

  it('starts before and after office hours at the next working moment', () => {
    expect(work('2025-09-08T07:00:00', 0.5)).toBe(iso('2025-09-08T09:00:00'));
    expect(work('2025-09-08T20:00:00', 0.25)).toBe(iso('2025-09-09T08:45:00'));
  });

  it('ends at the close of a span when the hours run out exactly there', () => {
    expect(work('2025-09-08T16:00:00', 1.5)).toBe(iso('2025-09-08T17:30:00'));
    expect(work('2025-09-08T08:30:00', 7)).toBe(iso('2025-09-08T17:30:00'));
  });

  it('counts fractional hours to the minute', () => {
    expect(work('2025-09-08T09:00:00', 0.1)).toBe(iso('2025-09-08T09:06:00'));
    expect(work('2025-09-08T11:57:00', 0.1)).toBe(iso('2025-09-08T14:03:00'));
  });

  it('spans two months: 41 working days of September and October 2025 are 287 hours', () => {
    // September: 22 weekdays + Sun 28 Sep; October: 23 weekdays − 6 holiday weekdays + Sat 11 Oct.
    expect(work('2025-09-01T08:30:00', 287)).toBe(iso('2025-10-31T17:30:00'));
    expect(clockHoursBetween('working', GD, cst('2025-09-01T00:00:00'), cst('2025-11-01T00:00:00'))).toBe(287);
  });

  it('returns the start for zero hours and rejects negative hours or a bad date', () => {
    expect(work('2025-10-03T09:00:00', 0)).toBe(iso('2025-10-03T09:00:00'));
    expect(() => work('2025-09-08T09:00:00', -1)).toThrow(RangeError);
    expect(() => addClockHours('working', GD, new Date('nope'), 1)).toThrow(RangeError);
  });
});

describe('addClockHours on the natural clock', () => {
  it('adds elapsed hours whatever the calendar says', () => {
    expect(addClockHours('natural', GD, cst('2025-10-01T10:00:00'), 48).toISOString()).toBe(iso('2025-10-03T10:00:00'));
    expect(addClockHours('natural', GD, cst('2025-10-01T10:00:00'), 0.5).toISOString()).toBe(iso('2025-10-01T10:30:00'));
  });
});

describe('clockHoursBetween', () => {
  it('counts only working time on the working clock', () => {
    expect(clockHoursBetween('working', GD, cst('2025-09-05T17:00:00'), cst('2025-09-08T09:30:00'))).toBe(1.5);
    expect(clockHoursBetween('working', GD, cst('2025-09-08T11:00:00'), cst('2025-09-08T15:00:00'))).toBe(2);
    expect(clockHoursBetween('working', GD, cst('2025-10-02T09:00:00'), cst('2025-10-05T09:00:00'))).toBe(0);
    expect(clockHoursBetween('working', GD, cst('2025-09-08T15:00:00'), cst('2025-09-08T11:00:00'))).toBe(-2);
  });

  it('is plain elapsed time on the natural clock', () => {
    expect(clockHoursBetween('natural', GD, cst('2025-09-05T17:00:00'), cst('2025-09-08T09:30:00'))).toBe(64.5);
  });

  it('undoes addClockHours for any start and duration', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 200; i += 1) {
      const start = new Date(Date.UTC(2025, 8, 1) + Math.floor(next() * 60 * 24 * 60) * 60_000);
      const hours = Math.round(next() * 4000) / 10;
      const end = addClockHours('working', GD, start, hours);
      expect(clockHoursBetween('working', GD, start, end)).toBeCloseTo(hours, 6);
    }
  });
});

describe('workCalendarProblems', () => {
  it('accepts the Guangdong calendar', () => {
    expect(workCalendarProblems(GD)).toEqual([]);
  });

  it('names each bad field', () => {
    const bad: WorkCalendar = {
      utcOffsetMinutes: 480.5,
      workdays: [0],
      hours: [
        ['14:00', '12:00'],
        ['8:30', '17:30'],
      ],
      holidays: ['2025-02-30'],
      workingDays: [],
    };
    expect(workCalendarProblems(bad).map((p) => p.field)).toEqual(['utcOffsetMinutes', 'workdays[0]', 'hours[0]', 'hours[1]', 'holidays[0]']);
    expect(() => addClockHours('working', { ...GD, hours: [] }, new Date(), 1)).toThrow(/hours: at least one working span/);
  });
});
