import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import { WARNING_LEVEL_ORDER } from '../../../../shared/domain/warning.js';

/** Mean of `pairs` ([value, weight]) over the known values; null when none is known. */
function weightedMean(pairs: Array<[number | null, number]>): number | null {
  let sum = 0,
    weight = 0;
  for (const [v, w] of pairs) {
    if (v === null || w <= 0) continue;
    sum += v * w;
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

function combineAirYear(list: readonly VitalSigns[]): VitalSigns['airYear'] {
  const first = list[0]!.airYear;
  const validDays = list.reduce((n, v) => n + v.airYear.validDays, 0);
  const goodDays = list.reduce((n, v) => n + v.airYear.goodDays, 0);
  return {
    ...first,
    validDays,
    goodDays,
    goodDaysRatio: validDays ? goodDays / validDays : null,
    pm25Mean: weightedMean(list.map((v) => [v.airYear.pm25Mean, v.airYear.validDays])),
  };
}

/**
 * Several districts' vital signs as one viewer's picture. Counts add up; the water share is
 * exact (weighted by sections); the closure rate is weighted by the districts' cases today and
 * the AQI by their stations (close approximations: the server's own roll-up holds the exact
 * figures only per district and for the city); GDP growth cannot be summed, so it stays
 * unknown unless a single district is shown. The year's air record counts district-days: good
 * days over valid days of all the districts, the PM2.5 mean weighted by each one's valid days.
 */
export function combineSigns(list: readonly VitalSigns[]): VitalSigns {
  const first = list[0]!;
  const sum = (f: (v: VitalSigns) => number) => list.reduce((n, v) => n + f(v), 0);
  const active = Object.fromEntries(WARNING_LEVEL_ORDER.map((l) => [l, sum((v) => v.alerts.active[l])])) as VitalSigns['alerts']['active'];
  const aqi = weightedMean(list.map((v) => [v.air.aqi, v.air.stations]));
  return {
    id: `kpi:${list.map((v) => v.scope).join('+')}`,
    scope: list.map((v) => v.scope).join('+'),
    level: 'district',
    exercise: first.exercise,
    computedAt: list.reduce((at, v) => (v.computedAt > at ? v.computedAt : at), first.computedAt),
    cases: {
      today: sum((v) => v.cases.today),
      open: sum((v) => v.cases.open),
      overdue: sum((v) => v.cases.overdue),
      closedToday: sum((v) => v.cases.closedToday),
      closureRate: weightedMean(list.map((v) => [v.cases.closureRate, Math.max(1, v.cases.today)])),
    },
    alerts: { active, unacknowledged: sum((v) => v.alerts.unacknowledged) },
    air: { aqi: aqi === null ? null : Math.round(aqi), category: null, stations: sum((v) => v.air.stations) },
    airYear: combineAirYear(list),
    water: { sections: sum((v) => v.water.sections), classIIIOrBetter: weightedMean(list.map((v) => [v.water.classIIIOrBetter, v.water.sections])) },
    noise: { points: sum((v) => v.noise.points), exceeding: sum((v) => v.noise.exceeding) },
    economy: { gdpCumulativeYoy: null, gdpCompletion: null, gdpOnPace: null, period: null },
  };
}

/**
 * The vital signs of what this viewer may see, among a partition's items: the city's when the
 * server sends them (a city-wide role), else those of the viewer's districts (a grid user only
 * ever receives its own districts, never the city scope), combined when there are several.
 */
export function viewerSigns(items: Iterable<VitalSigns>): VitalSigns | null {
  const districts: VitalSigns[] = [];
  for (const v of items) {
    if (v.level === 'city') return v;
    districts.push(v);
  }
  if (districts.length <= 1) return districts[0] ?? null;
  return combineSigns(districts.sort((a, b) => a.scope.localeCompare(b.scope)));
}
