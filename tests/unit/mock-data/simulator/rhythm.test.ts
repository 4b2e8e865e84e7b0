import { describe, expect, it } from 'vitest';
import { caseRatePerHour } from '../../../../mock-data/generators/rhythm.js';
import { HOUR, localTime, MINUTE } from '../../../../mock-data/simulator/time.js';
import { fixtureCity } from './fixture-city.js';

const city = fixtureCity();

/** Expected cases over a local day, by integrating the rate minute by minute. */
function casesOnDay(year: number, month: number, day: number): number {
  const start = localTime(year, month, day);
  let sum = 0;
  for (let t = start; t < start + 24 * HOUR; t += MINUTE) sum += caseRatePerHour(t, city) / 60;
  return sum;
}

describe('case rhythm', () => {
  it('expects fewer cases at 3 am than at 10 am', () => {
    const night = caseRatePerHour(localTime(2026, 6, 10, 3), city);
    const morning = caseRatePerHour(localTime(2026, 6, 10, 10), city);
    expect(night).toBeLessThan(morning / 5);
  });

  it('has afternoon peaks above the lunch dip and the evening', () => {
    const at = (h: number) => caseRatePerHour(localTime(2026, 6, 10, h), city);
    expect(at(15)).toBeGreaterThan(at(12.5));
    expect(at(15)).toBeGreaterThan(at(21));
  });

  it('adds up to 1,500–3,000 cases a day for 2.6 million people, fewer at weekends', () => {
    const wednesday = casesOnDay(2026, 6, 10);
    const sunday = casesOnDay(2026, 6, 14);
    expect(wednesday).toBeGreaterThan(1500);
    expect(wednesday).toBeLessThan(3000);
    expect(sunday).toBeGreaterThan(1500);
    expect(sunday).toBeLessThan(wednesday);
  });

  it('scales with the population', () => {
    const big = { ...city, population: city.population * 2 };
    const t = localTime(2026, 6, 10, 10);
    expect(caseRatePerHour(t, big)).toBeCloseTo(2 * caseRatePerHour(t, city), 6);
  });
});
