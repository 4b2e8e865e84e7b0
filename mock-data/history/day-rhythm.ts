import { everydayWeather } from '../generators/weather.js';
import { DAY, HOUR, localParts, localTime } from '../simulator/time.js';

/** Local dates (YYYY-MM-DD) of China's public holidays off work, 2025–2027 (国务院办公厅 notices; 2027 as planned). */
const HOLIDAYS: ReadonlySet<string> = new Set(
  [
    ['2025-01-01'],
    span('2025-01-28', 8),
    span('2025-04-04', 3),
    span('2025-05-01', 5),
    span('2025-05-31', 3),
    span('2025-10-01', 8),
    span('2026-01-01', 3),
    span('2026-02-15', 9),
    span('2026-04-04', 3),
    span('2026-05-01', 5),
    span('2026-06-19', 3),
    span('2026-09-25', 3),
    span('2026-10-01', 7),
    span('2027-01-01', 3),
    span('2027-02-05', 8),
  ].flat(),
);

function span(first: string, days: number): string[] {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  return Array.from({ length: days }, (_, i) => localDate(localTime(y, m, d) + i * DAY));
}

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
 * weekend and on public holidays (inspectors patrol less, the hotline is quieter), a little
 * more in high summer than in winter, and more on and after a rainy day (waterlogging,
 * potholes, fallen branches show up once the rain stops).
 */
export function dayFactor(seed: number, dayStart: number): number {
  const { weekday } = localParts(dayStart);
  const date = localDate(dayStart);
  const off = HOLIDAYS.has(date) ? DAY_OFF_FACTOR.holiday : weekday === 6 ? DAY_OFF_FACTOR.saturday : weekday === 0 ? DAY_OFF_FACTOR.sunday : 1;
  const dayOfYear = (dayStart - localTime(localParts(dayStart).year, 1, 1)) / DAY;
  const season = 1 + 0.1 * Math.cos((2 * Math.PI * (dayOfYear - 213)) / 365);
  const rain = 1 + 0.3 * dayRain(seed, dayStart) + 0.6 * dayRain(seed, dayStart - DAY);
  return off * season * rain;
}

/** Whether a local date is a public holiday off work. */
export function isHoliday(dayStart: number): boolean {
  return HOLIDAYS.has(localDate(dayStart));
}
