import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import type { Alert } from '../../../../shared/schemas/alert.js';
import type { Observation } from '../../../../shared/schemas/observation.js';
import type { Indicator } from '../../../../shared/schemas/indicator.js';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import { alertItem as alertItemOf, caseItem } from '../../../fixtures/items.js';

/** Items as the live topics carry them, with only what a test cares about given. */

const T = '2026-07-01T02:00:00.000Z';

export const gridCase = (over: Partial<GridCase> & { id: string }): GridCase => caseItem(over.id, { sourceId: over.id, category: 'manhole_cover', title: '井盖破损', status: 'reported', ...over }, T);

export function airReading(stationId: string, observedAt: string, values: Record<string, number>, aqi?: number): Observation {
  return {
    id: `${stationId}@${observedAt}`,
    stationId,
    kind: 'air',
    district: '441702',
    observedAt,
    values,
    assessment: aqi === undefined ? { breach: false } : { aqi, category: 1, breach: false, primaryPollutants: [] },
    exercise: false,
  };
}

export function waterReading(stationId: string, observedAt: string, waterClass?: NonNullable<Observation['assessment']['waterClass']>): Observation {
  return { id: `${stationId}@${observedAt}`, stationId, kind: 'water', district: '441702', observedAt, values: { do: 6 }, assessment: { breach: false, waterClass }, exercise: false };
}

export const alertItem = (over: Partial<Alert> & { id: string }): Alert =>
  alertItemOf(over.id, { sourceId: over.id, sender: 'yjqx@gd.gov.cn', category: 'rainstorm', event: '暴雨黄色预警信号', level: 'yellow', severity: 'Moderate', headline: null, areas: [], ...over }, T);

export function indicator(over: Partial<Indicator> & Pick<Indicator, 'code' | 'period'>): Indicator {
  return {
    id: `${over.code}:441700:${over.period}`,
    region: '441700',
    value: null,
    cumulative: null,
    yoy: null,
    cumulativeYoy: null,
    mom: null,
    unit: '亿元',
    annualTarget: null,
    completion: null,
    onPace: null,
    exercise: false,
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export function vitalSigns(scope: string, level: VitalSigns['level'], over: DeepPartial<VitalSigns> = {}): VitalSigns {
  const base: VitalSigns = {
    id: `kpi:${scope}`,
    scope,
    level,
    exercise: false,
    computedAt: '2026-07-01T02:00:00.000Z',
    cases: { today: 10, open: 5, overdue: 1, closedToday: 3, closureRate: 0.8 },
    alerts: { active: { red: 0, orange: 1, yellow: 2, blue: 0 }, unacknowledged: 1 },
    air: { aqi: 56, category: 2, stations: 4 },
    airYear: { year: 2026, validDays: 180, goodDays: 171, goodDaysRatio: 0.95, pm25Mean: 21.5, goodDaysTarget: 0.95, pm25Target: 22 },
    water: { sections: 5, classIIIOrBetter: 0.8 },
    noise: { points: 3, exceeding: 0 },
    economy: { gdpCumulativeYoy: 0.052, gdpCompletion: 0.7, gdpOnPace: 0.95, period: '2026-Q3' },
  };
  return {
    ...base,
    ...(over as Partial<VitalSigns>),
    cases: { ...base.cases, ...over.cases },
    alerts: { ...base.alerts, ...(over.alerts as VitalSigns['alerts']) },
    air: { ...base.air, ...over.air },
    airYear: { ...base.airYear, ...over.airYear },
    water: { ...base.water, ...over.water },
    noise: { ...base.noise, ...over.noise },
    economy: { ...base.economy, ...over.economy },
  };
}
