import { beforeAll, describe, expect, it } from 'vitest';
import { loadSimCity, type SimCity } from '../../../../mock-data/simulator/city.js';
import { historyDay, type HistoryCase } from '../../../../mock-data/history/history-day.js';
import { STANDOUTS } from '../../../../mock-data/history/handling.js';
import { typhoonIn } from '../../../../mock-data/history/typhoon-history.js';
import { localTime } from '../../../../mock-data/simulator/time.js';

const DAY = 86_400_000;
const SEED = 20260916;
/** A week of history: Monday 2026-11-02 … Sunday 2026-11-08 (no public holiday). */
const FROM = localTime(2026, 11, 2);
const UNTIL = FROM + 7 * DAY;

// Issue 12 #1: a history with rhythms and handling worth analysing.
describe('the history generator', () => {
  let city: SimCity;
  let days: HistoryCase[][];
  beforeAll(async () => {
    // The real default city: its departments are the ones that stand out.
    city = await loadSimCity('441700');
    days = Array.from({ length: 7 }, (_, d) => historyDay({ seed: SEED, city, dayStart: FROM + d * DAY, until: UNTIL, typhoon: null }));
  });
  const all = () => days.flat();
  const share = (cases: HistoryCase[], pick: (c: HistoryCase) => boolean) => cases.filter(pick).length / cases.length;

  it('is a pure function of seed, city and day: a resumed day repeats exactly', () => {
    const again = historyDay({ seed: SEED, city, dayStart: FROM + 3 * DAY, until: UNTIL, typhoon: null });
    expect(again.map((c) => c.event)).toEqual(days[3]!.map((c) => c.event));
  });

  it('brings fewer reports at the weekend than on working days', () => {
    const weekday = [0, 1, 2, 3, 4].map((d) => days[d]!.length);
    const weekend = [5, 6].map((d) => days[d]!.length);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(weekend)).toBeLessThan(0.85 * mean(weekday));
  });

  it('closes most cases on time, sends some back, re-dispatches and supervises a few', () => {
    const handled = all().filter((c) => !c.handling.rejected);
    expect(share(handled, (c) => !c.handling.overdue)).toBeGreaterThan(0.85);
    expect(share(handled, (c) => c.handling.sentBack)).toBeGreaterThan(0.03);
    expect(share(handled, (c) => c.handling.sentBack)).toBeLessThan(0.15);
    expect(share(handled, (c) => c.handling.supervised)).toBeGreaterThan(0.01);
    expect(share(handled, (c) => c.handling.supervised)).toBeLessThan(share(handled, (c) => c.handling.overdue));
    expect(share(handled, (c) => c.handling.redispatched)).toBeGreaterThan(0.005);
    // Every step is in time order and the sent steps are what happened before the end.
    for (const c of all()) {
      const at = (c.event.steps ?? []).map((s) => Date.parse(s.at));
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(at.every((t) => t < UNTIL)).toBe(true);
    }
  });

  it('makes the standout departments differ: the good one on time and rarely sent back, the poor one late and often', () => {
    const good = Object.keys(STANDOUTS).find((d) => STANDOUTS[d] === 'good')!;
    const poor = Object.keys(STANDOUTS).find((d) => STANDOUTS[d] === 'poor')!;
    const of = (dept: string) => all().filter((c) => c.handling.department === dept);
    expect(of(good).length).toBeGreaterThan(100);
    expect(of(poor).length).toBeGreaterThan(100);
    expect(share(of(good), (c) => !c.handling.overdue)).toBeGreaterThan(share(of(poor), (c) => !c.handling.overdue) + 0.1);
    expect(share(of(poor), (c) => c.handling.sentBack)).toBeGreaterThan(3 * share(of(good), (c) => c.handling.sentBack));
  });

  it('puts the typhoon in mid-September with a surge of reports on its landfall day', () => {
    const from = localTime(2026, 9, 9);
    const typhoon = typhoonIn(from, localTime(2026, 12, 7))!;
    expect(new Date(typhoon.landfall).toISOString()).toBe('2026-09-16T06:00:00.000Z');
    const landfallDay = historyDay({ seed: SEED, city, dayStart: localTime(2026, 9, 16), until: UNTIL, typhoon }).length;
    const dayBefore = historyDay({ seed: SEED, city, dayStart: localTime(2026, 9, 10), until: UNTIL, typhoon }).length;
    expect(landfallDay).toBeGreaterThan(1.4 * dayBefore);
  });
});
