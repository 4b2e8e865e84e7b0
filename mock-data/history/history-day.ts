import type { GridEventInput } from '../../shared/schemas/grid-event.js';
import { pickCategory, pickStormCategory } from '../generators/categories.js';
import { caseReport, type CaseSpec } from '../generators/grid-events.js';
import { caseLocation, pickDistrict } from '../generators/location.js';
import { HOURLY_ACTIVITY, CASES_PER_WEEKDAY } from '../generators/rhythm.js';
import { ID_PREFIX, SOURCE_SHARES } from '../scenarios/everyday-cases.js';
import { populationScale, type SimCity } from '../simulator/city.js';
import { Rng } from '../simulator/rng.js';
import { HOUR, toLocalIso } from '../simulator/time.js';
import { dayFactor, localDate } from './day-rhythm.js';
import { planHandling, type Handling } from './handling.js';
import { historyWeather, stormStrength, type TyphoonTime } from './typhoon-history.js';

type Reporter = CaseSpec['source'];
const REPORTERS = Object.keys(SOURCE_SHARES) as Reporter[];
const MEAN_ACTIVITY = HOURLY_ACTIVITY.reduce((a, b) => a + b, 0) / 24;

/** Extra storm reports per hour at full strength (landfall), for the default city. */
export const STORM_CASES_PER_HOUR = 160;

/** What a day of history depends on. */
export interface HistoryDaySpec {
  seed: number;
  city: SimCity;
  /** Local midnight of the day. */
  dayStart: number;
  /** The end of the history: no case is reported after it. */
  until: number;
  /**
   * Steps at or after this have not happened yet and are left out (default `until`): the
   * history's cases go on being handled after its window (history-tail.ts).
   */
  stepsUntil?: number;
  typhoon: TyphoonTime | null;
}

/** One case of the history: the grid event that carries its whole handling, and what happened. */
export interface HistoryCase {
  event: GridEventInput;
  handling: Handling;
}

/**
 * The cases reported on one local day, each as one grid event carrying its handling steps
 * (`steps`). A pure function of the spec: a resumed back-fill regenerates a day exactly, so
 * re-sending it stores nothing twice (case ids come from the source ids, steps already
 * stored are skipped). Hours follow the working rhythm, the day its weekday, season and
 * rain ({@link dayFactor}); the typhoon adds a surge of storm cases and slows handling.
 */
export function historyDay(spec: HistoryDaySpec): HistoryCase[] {
  return [...historyDayHours(spec)].flat();
}

/** {@link historyDay} an hour at a time, so a caller can yield to other work between hours. */
export function* historyDayHours(spec: HistoryDaySpec): Generator<HistoryCase[]> {
  const { seed, city, dayStart, until, typhoon } = spec;
  const date = localDate(dayStart);
  const rng = Rng.stream(seed, `history:${city.adcode}:${date}`);
  const scale = populationScale(city);
  const perHour = (CASES_PER_WEEKDAY / 24) * scale * dayFactor(seed, dayStart, city.calendar);
  let n = 0;
  for (let h = 0; h < 24; h++) {
    const out: HistoryCase[] = [];
    const hourStart = dayStart + h * HOUR;
    const storm = stormStrength(typhoon, hourStart + HOUR / 2);
    const everyday = rng.poisson((perHour * HOURLY_ACTIVITY[h]!) / MEAN_ACTIVITY);
    const surge = storm > 0 ? rng.poisson(STORM_CASES_PER_HOUR * scale * storm ** 2) : 0;
    for (let k = 0; k < everyday + surge; k++) {
      const at = hourStart + rng.next() * HOUR;
      if (at >= until) continue;
      const weather = historyWeather(seed, typhoon, at);
      const stormCase = k >= everyday;
      const source: Reporter = stormCase ? rng.weighted(['inspector', 'hotline', 'video_ai'] as const, (s) => (s === 'hotline' ? 0.5 : 0.25)) : rng.weighted(REPORTERS, (s) => SOURCE_SHARES[s]);
      const coastal = city.districts.filter((d) => d.coastal);
      const district = pickDistrict(rng, stormCase && coastal.length > 0 && rng.chance(0.6) ? coastal : city.districts);
      const category = stormCase ? pickStormCategory(rng, city.categories, weather) : pickCategory(rng, city.categories, source, weather);
      const sourceId = `HIS-${ID_PREFIX[source]}-${city.adcode}-${date.replace(/-/g, '')}-${String(++n).padStart(5, '0')}`;
      const caseSpec: CaseSpec = { sourceId, at, source, category, district, location: caseLocation(rng, district), exercise: false };
      const event = caseReport(rng, caseSpec);
      const handling = planHandling(rng, { reportedAt: Date.parse(event.reportedAt), category, source, departments: city.departments, calendar: city.calendar, slowdown: 1 + 0.8 * storm });
      const steps = handling.steps.filter((s) => s.at < (spec.stepsUntil ?? until));
      if (steps.length > 0)
        event.steps = steps.map((s) => ({
          action: s.action,
          at: toLocalIso(s.at),
          ...(s.department ? { department: s.department } : {}),
          ...(s.note ? { note: s.note } : {}),
          ...(s.dueAt !== undefined ? { dueAt: toLocalIso(s.dueAt) } : {}),
        }));
      out.push({ event, handling });
    }
    yield out;
  }
}
