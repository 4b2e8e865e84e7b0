import type { CaseCategory, CityManifest } from '../../../../shared/schemas/city-pack.js';
import { CHINA_OFFSET_MS } from '../../../../shared/domain/time.js';
import { deadlineAt } from '../../../../shared/domain/lifecycle.js';
import { clockHoursBetween, type WorkCalendar } from '../../../../shared/domain/work-calendar.js';
import type { RollupContext } from './case-contribution.js';

/** Stands in for an absent calendar: the natural clock never reads it. */
const NO_CALENDAR: WorkCalendar = { utcOffsetMinutes: CHINA_OFFSET_MS / 60_000, workdays: [], hours: [], holidays: [], workingDays: [] };

/**
 * The rollups' settings for a city: its categories, its local day (the calendar's UTC offset,
 * else China's), the registration limit, and each category's clock (natural or working hours)
 * for deadlines and handling hours — the clock the desk's deadlines use.
 */
export function rollupContext(categories: ReadonlyMap<string, CaseCategory>, city?: Pick<CityManifest, 'registrationHours' | 'calendar'>): RollupContext {
  const calendar = city?.calendar;
  return {
    categories,
    utcOffsetMinutes: calendar?.utcOffsetMinutes ?? CHINA_OFFSET_MS / 60_000,
    registrationHours: city?.registrationHours ?? 1,
    deadline: (category, at) => deadlineAt(at, category, calendar),
    hoursBetween: (category, from, to) => clockHoursBetween(category.clock ?? 'natural', calendar ?? NO_CALENDAR, new Date(from), new Date(to)),
  };
}
