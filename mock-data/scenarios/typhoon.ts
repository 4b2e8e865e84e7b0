import { categoryTags, pickStormCategory } from '../generators/categories.js';
import { caseMessages, type CaseSpec } from '../generators/grid-events.js';
import { caseLocation, pickDistrict, pointNear } from '../generators/location.js';
import { TYPHOON_HOT_SPOTS } from '../generators/places.js';
import { populationScale } from '../simulator/city.js';
import { HOUR, MINUTE } from '../simulator/time.js';
import { everydayCases, ID_PREFIX } from './everyday-cases.js';
import { DRILL_END_MINUTE, stormAt, typhoonAlertMessages } from './typhoon-timeline.js';
import type { Scenario, ScenarioContext } from './types.js';

/** Storm cases per hour at landfall in the default city (on top of everyday cases). */
export const SURGE_PEAK_PER_HOUR = 900;

/** Relative storm-case rate: rain floods streets, wind (to the third power) fells trees. */
export function stormIntensity(minute: number): number {
  if (minute < 0 || minute > DRILL_END_MINUTE) return 0;
  const w = stormAt(minute);
  return 0.55 * w.rain ** 2 + 0.45 * w.wind ** 3;
}

function stormCases(ctx: ScenarioContext, from: number, to: number): void {
  const rng = ctx.rng.storm;
  const { city } = ctx;
  const minute = ((from + to) / 2 - ctx.start) / MINUTE;
  const rate = SURGE_PEAK_PER_HOUR * populationScale(city) * stormIntensity(minute);
  const count = rng.poisson((rate * (to - from)) / HOUR);
  if (count === 0) return;
  const coastal = city.districts.filter((d) => d.coastal);
  const districts = coastal.length > 0 ? coastal : city.districts;
  const spots = (TYPHOON_HOT_SPOTS[city.adcode] ?? []).filter((s) => districts.some((d) => d.adcode === s.district));
  for (let i = 0; i < count; i++) {
    const at = from + rng.next() * (to - from);
    const category = pickStormCategory(rng, city.categories, stormAt((at - ctx.start) / MINUTE));
    const spot = spots.length > 0 && rng.chance(0.6) ? rng.pick(spots) : undefined;
    const district = spot ? districts.find((d) => d.adcode === spot.district)! : pickDistrict(rng, districts);
    const location = spot ? pointNear(rng, district, spot.at, 1.5) : caseLocation(rng, district);
    const sensed = categoryTags(category).some((t) => t === 'waterlogging' || t === 'drain');
    const source = rng.weighted(['hotline', 'inspector', 'video_ai', 'sensor'] as const, (s) => (s === 'hotline' ? 0.45 : s === 'inspector' ? 0.3 : s === 'video_ai' ? 0.13 : sensed ? 0.12 : 0));
    const spec: CaseSpec = {
      sourceId: ctx.nextId(ID_PREFIX[source]),
      at,
      source,
      category,
      district,
      location,
      exercise: true,
      slowdown: 1.4,
      cause: '受台风影响',
      calendar: city.calendar,
    };
    ctx.schedule(caseMessages(rng, spec).messages);
  }
}

/**
 * The typhoon drill (指挥演练): the CAP script of {@link typhoonAlertMessages} (all status
 * Exercise), everyday cases going on under the storm, and a surge of waterlogging and
 * fallen-tree cases in the coastal districts that rises with wind and rain, peaks at
 * landfall and fades. Every grid event, citizen report and reading is marked exercise.
 * `start` is the drill's minute 0 (the simulated start instant).
 */
export function createTyphoonScenario(start: number): Scenario {
  let alertsQueued = false;
  const scenario: Scenario = {
    name: 'typhoon',
    exercise: true,
    activeUntil: start + DRILL_END_MINUTE * MINUTE,
    weatherAt: (ms) => stormAt((ms - start) / MINUTE),
    step(ctx, from, to) {
      if (!alertsQueued) {
        ctx.schedule(typhoonAlertMessages(ctx.city, ctx.start, () => ctx.nextId('TF')));
        alertsQueued = true;
      }
      everydayCases(ctx, scenario, from, to, 1, 1.2);
      stormCases(ctx, from, to);
    },
  };
  return scenario;
}
