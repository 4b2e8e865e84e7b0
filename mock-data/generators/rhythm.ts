import { populationScale, type SimCity } from '../simulator/city.js';
import { localParts } from '../simulator/time.js';

/**
 * Relative activity by local hour: city-management cases peak in the working morning
 * (9–11) and afternoon (14–17), when inspectors patrol and the 12345 hotline is busy, and
 * are rare between 1 and 6 am.
 */
export const HOURLY_ACTIVITY: readonly number[] = [0.35, 0.2, 0.12, 0.1, 0.1, 0.15, 0.35, 0.7, 1.2, 1.7, 1.8, 1.6, 1.0, 1.0, 1.5, 1.7, 1.7, 1.4, 1.0, 0.9, 0.8, 0.7, 0.55, 0.45];

/** Weekday cases of the default city (2.6 M people); weekends see fewer. */
export const CASES_PER_WEEKDAY = 2200;
const WEEKEND_FACTOR = 0.85;
const MEAN_ACTIVITY = HOURLY_ACTIVITY.reduce((a, b) => a + b, 0) / 24;

/** Relative activity at an instant, linearly interpolated between hours (mean 1 over a day). */
export function activityAt(ms: number): number {
  const { hour } = localParts(ms);
  const h = Math.floor(hour) % 24;
  const from = HOURLY_ACTIVITY[h]!;
  const to = HOURLY_ACTIVITY[(h + 1) % 24]!;
  return (from + (to - from) * (hour - Math.floor(hour))) / MEAN_ACTIVITY;
}

/**
 * Expected new grid cases per hour at `ms` in normal operation: about 2,200 a weekday for
 * 2.6 M people (1,500–3,000 over a week), shaped by {@link HOURLY_ACTIVITY}.
 */
export function caseRatePerHour(ms: number, city: SimCity): number {
  const { weekday } = localParts(ms);
  const weekend = weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1;
  return (CASES_PER_WEEKDAY / 24) * activityAt(ms) * weekend * populationScale(city);
}
