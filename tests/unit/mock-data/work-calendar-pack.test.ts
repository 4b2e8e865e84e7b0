import { describe, expect, it } from 'vitest';
import { guangdongCalendar, statutoryDaysOff, unpublishedYears } from '../../../mock-data/city-pack-builder/calendar.js';
import { categories } from '../../../mock-data/city-pack-builder/categories.js';
import { workCalendarProblems } from '../../../shared/domain/work-calendar.js';

describe('the city packs’ working calendar', () => {
  const cal = guangdongCalendar();

  it('is a usable Monday-to-Friday calendar of 08:30–12:00 and 14:00–17:30', () => {
    expect(workCalendarProblems(cal)).toEqual([]);
    expect(cal.workdays).toEqual([1, 2, 3, 4, 5]);
    expect(cal.hours).toEqual([
      ['08:30', '12:00'],
      ['14:00', '17:30'],
    ]);
  });

  it('carries the State Council arrangements of 2025 and 2026 with their make-up working days', () => {
    // 国办发明电〔2024〕12号 and 〔2025〕7号.
    expect(cal.workingDays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(cal.holidays).toEqual(expect.arrayContaining(['2025-01-28', '2025-02-04', '2025-10-08', '2026-02-15', '2026-02-23', '2026-09-25', '2026-10-07']));
    expect(cal.holidays.filter((d) => d.startsWith('2025-')).length).toBe(28);
    expect(cal.holidays.filter((d) => d.startsWith('2026-')).length).toBe(33);
  });

  it('computes the statutory days off the published years confirm, and uses them for 2027', () => {
    for (const year of [2025, 2026]) expect(cal.holidays).toEqual(expect.arrayContaining(statutoryDaysOff(year)));
    expect(unpublishedYears()).toEqual([2027]);
    expect(statutoryDaysOff(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    expect(cal.holidays.filter((d) => d.startsWith('2027-'))).toEqual(statutoryDaysOff(2027));
  });

  it('puts urgent hazards on the natural clock and scheduled repairs on the working clock', () => {
    const clock = new Map(categories.map((c) => [c.code, c.clock]));
    expect(clock.get('manhole_missing')).toBe('natural');
    expect(clock.get('waterlogging')).toBe('natural');
    expect(clock.get('road_damage')).toBe('working');
    expect(categories.find((c) => c.code === 'road_damage')?.deadlineHours).toBe(21);
  });
});
