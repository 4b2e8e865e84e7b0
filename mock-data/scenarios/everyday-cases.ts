import type { CaseCategory } from '../../shared/schemas/city-pack.js';
import { categoryTags, pickCategory } from '../generators/categories.js';
import { caseMessages, open311Message, type CaseSpec } from '../generators/grid-events.js';
import { caseLocation, pickDistrict, pointNear } from '../generators/location.js';
import { activityAt, caseRatePerHour } from '../generators/rhythm.js';
import { populationScale } from '../simulator/city.js';
import { HOUR, MINUTE } from '../simulator/time.js';
import type { Scenario, ScenarioContext } from './types.js';

type Reporter = CaseSpec['source'];

/**
 * Who reports everyday cases: mostly grid inspectors on patrol, then the 12345 hotline,
 * video AI and IoT sensors; a few citizens file through Open311 themselves.
 */
export const SOURCE_SHARES: Readonly<Record<Reporter, number>> = {
  inspector: 0.49,
  hotline: 0.24,
  video_ai: 0.16,
  sensor: 0.06,
  citizen: 0.05,
};
const REPORTERS = Object.keys(SOURCE_SHARES) as Reporter[];

/** Identifier prefixes by source: 巡查 XC, 热线 RX, 视频 SP, 感知 GZ, 市民 SM. */
export const ID_PREFIX: Readonly<Record<Reporter, string>> = { inspector: 'XC', hotline: 'RX', video_ai: 'SP', sensor: 'GZ', citizen: 'SM' };

/**
 * The city's everyday cases in [from, to): a Poisson number at the rhythm's rate
 * (`rateScale` × {@link caseRatePerHour}), spread over the districts by weight.
 */
export function everydayCases(ctx: ScenarioContext, scenario: Scenario, from: number, to: number, rateScale = 1, slowdown = 1): void {
  const rng = ctx.rng.cases;
  const { city } = ctx;
  const count = rng.poisson((caseRatePerHour((from + to) / 2, city) * rateScale * (to - from)) / HOUR);
  for (let i = 0; i < count; i++) {
    const at = from + rng.next() * (to - from);
    const source = rng.weighted(REPORTERS, (s) => SOURCE_SHARES[s]);
    const district = pickDistrict(rng, city.districts);
    const location = caseLocation(rng, district);
    const weather = scenario.weatherAt(at);
    const token = ctx.nextId(ID_PREFIX[source]);
    // Open311 stamps a report when it arrives: a citizen report of back-filled time comes as
    // the case system's own record instead (JSON, source citizen), handled like the others.
    if (source === 'citizen' && at >= ctx.start) {
      const category = pickCategory(rng, city.categories, 'citizen', weather);
      ctx.schedule([open311Message(rng, { token, at, category, district, location, exercise: scenario.exercise })]);
      continue;
    }
    const category = pickCategory(rng, city.categories, source, weather);
    const spec: CaseSpec = { sourceId: token, at, source, category, district, location, exercise: scenario.exercise, slowdown, calendar: city.calendar };
    ctx.schedule(caseMessages(rng, spec).messages);
  }
}

/** Plausible shared causes of a cluster of cases, by what the cases are about. */
function burstCause(category: CaseCategory): string {
  const tags = categoryTags(category);
  if (tags.includes('waterlogging') || tags.includes('drain')) return '附近供水管道爆裂';
  if (tags.includes('litter')) return '大型活动散场后';
  if (tags.includes('vending')) return '夜市集中出摊';
  if (tags.includes('parking')) return '周边大型活动';
  if (tags.includes('road') || tags.includes('manhole')) return '重型货车碾压';
  if (tags.includes('construction') || tags.includes('noise')) return '附近工地连续施工';
  return '附近发生突发情况';
}

/** About one burst every four daytime hours in the default city. */
const BURSTS_PER_HOUR = 0.25;

/**
 * Bursts: an incident (a burst main, a market, an event letting out) makes 5–12 reports
 * of one kind within about 50 m over the next half hour — a hot spot in one unit grid.
 */
export function burstCases(ctx: ScenarioContext, scenario: Scenario, from: number, to: number): void {
  const rng = ctx.rng.bursts;
  const { city } = ctx;
  const rate = BURSTS_PER_HOUR * activityAt((from + to) / 2) * populationScale(city);
  const bursts = rng.poisson((rate * (to - from)) / HOUR);
  const incidents = city.categories.filter((c) => c.kind === 'incident');
  for (let b = 0; b < bursts; b++) {
    const start = from + rng.next() * (to - from);
    const district = pickDistrict(rng, city.districts);
    const centre = caseLocation(rng, district);
    const category = pickCategory(rng, incidents.length > 0 ? incidents : city.categories, 'inspector', scenario.weatherAt(start));
    const cause = burstCause(category);
    const size = rng.int(5, 12);
    for (let k = 0; k < size; k++) {
      const source = rng.weighted(['inspector', 'hotline', 'video_ai'] as const, (s) => (s === 'video_ai' ? 0.2 : 0.4));
      const spec: CaseSpec = {
        sourceId: ctx.nextId(ID_PREFIX[source]),
        at: start + rng.range(0, 30) * MINUTE,
        source,
        category,
        district,
        location: pointNear(rng, district, centre, 0.05),
        exercise: scenario.exercise,
        cause,
        calendar: city.calendar,
      };
      ctx.schedule(caseMessages(rng, spec).messages);
    }
  }
}
