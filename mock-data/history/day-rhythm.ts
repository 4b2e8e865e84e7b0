import { everydayWeather } from '../generators/weather.js';
import type { WorkCalendar } from '../../shared/domain/work-calendar.js';
import { DAY, HOUR, localParts, localTime } from '../simulator/time.js';

/** The local date of an instant, YYYY-MM-DD. */
export function localDate(ms: number): string {
  const { year, month, day } = localParts(ms);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reports on a Saturday, a Sunday and a public holiday, relative to a working day. */
export const DAY_OFF_FACTOR = { saturday: 0.78, sunday: 0.7, holiday: 0.62 } as const;

/** Mean rain (0..1) over a local day, sampled hourly from the everyday weather. */
export function dayRain(seed: number, dayStart: number): number {
  let sum = 0;
  for (let h = 0; h < 24; h++) sum += everydayWeather(seed, dayStart + h * HOUR + HOUR / 2).rain;
  return sum / 24;
}

/**
 * How many reports a local day brings relative to an ordinary working day: fewer at the
 * weekend and on the public holidays of the city's calendar (a make-up working day counts as
 * a working day) (inspectors patrol less, the hotline is quieter), a little
 * more in high summer than in winter, and more on and after a rainy day (waterlogging,
 * potholes, fallen branches show up once the rain stops).
 */
export function dayFactor(seed: number, dayStart: number, calendar?: WorkCalendar): number {
  const { weekday } = localParts(dayStart);
  const date = localDate(dayStart);
  const off = calendar?.holidays.includes(date)
    ? DAY_OFF_FACTOR.holiday
    : calendar?.workingDays.includes(date)
      ? 1
      : weekday === 6
        ? DAY_OFF_FACTOR.saturday
        : weekday === 0
          ? DAY_OFF_FACTOR.sunday
          : 1;
  const dayOfYear = (dayStart - localTime(localParts(dayStart).year, 1, 1)) / DAY;
  const season = 1 + 0.1 * Math.cos((2 * Math.PI * (dayOfYear - 213)) / 365);
  const rain = 1 + 0.3 * dayRain(seed, dayStart) + 0.6 * dayRain(seed, dayStart - DAY);
  return off * season * rain;
}
