import type { GridCase } from '../../../shared/schemas/grid-event.js';
import type { Alert } from '../../../shared/schemas/alert.js';
import type { Observation } from '../../../shared/schemas/observation.js';
import type { Indicator } from '../../../shared/schemas/indicator.js';
import type { VitalSigns } from '../../../shared/contracts/kpi.js';

/** Yangjiang: the city and two of its districts. */
export const CITY = '441700';
export const JIANGCHENG = '441702';
export const YANGDONG = '441704';

const T = '2026-07-01T08:00:00+08:00';

/** A case in `district` (null: not placed in any district). */
export function gridCase(id: string, district: string | null, description: string | null = null): GridCase {
  return {
    id,
    sourceId: `src-${id}`,
    source: 'inspector',
    category: 'road',
    kind: 'facility',
    title: `case ${id}`,
    description,
    location: { lon: 111.98, lat: 21.86 },
    address: null,
    district,
    gridCell: null,
    status: 'reported',
    department: null,
    reportedAt: T,
    dispatchedAt: null,
    deadlineAt: null,
    closedAt: null,
    overdue: false,
    escalated: false,
    exercise: false,
    updatedAt: T,
  };
}

export function alert(id: string, districts: string[]): Alert {
  return {
    id,
    sourceId: `src-${id}`,
    sender: 'gd-emergency',
    senderName: null,
    kind: 'warning',
    sent: T,
    category: 'typhoon',
    event: 'typhoon',
    level: 'orange',
    severity: 'Severe',
    urgency: 'Expected',
    certainty: 'Likely',
    headline: `alert ${id}`,
    description: null,
    instruction: null,
    effective: null,
    expires: null,
    areas: [],
    simplified: false,
    districts,
    state: 'active',
    exercise: false,
    escalation: 0,
    raisedAt: T,
    acknowledgedBy: null,
    acknowledgedAt: null,
    ackComment: null,
    updatedAt: T,
  };
}

export function observation(id: string, district: string | null, note = ''): Observation {
  return {
    id,
    stationId: `st-${id}${note}`,
    kind: 'air',
    district,
    observedAt: T,
    values: { pm25: 35 },
    assessment: { aqi: 50, category: 1, breach: false },
    exercise: false,
  };
}

export function indicator(id: string, region: string): Indicator {
  return {
    id,
    code: 'gdp',
    region,
    period: '2026-Q2',
    value: 100,
    cumulative: 200,
    yoy: 5,
    cumulativeYoy: 5.1,
    mom: null,
    unit: '亿元',
    annualTarget: 800,
    completion: 0.25,
    onPace: 1,
    exercise: false,
    updatedAt: T,
  };
}

export function kpi(scope: string): VitalSigns {
  return {
    id: `kpi:${scope}`,
    scope,
    level: scope === CITY ? 'city' : 'district',
    exercise: false,
    computedAt: T,
    cases: { today: 1, open: 1, overdue: 0, closedToday: 0, closureRate: null },
    alerts: { active: { red: 0, orange: 1, yellow: 0, blue: 0 }, unacknowledged: 1 },
    air: { aqi: 50, category: 1, stations: 1 },
    airYear: { year: 2026, validDays: 0, goodDays: 0, goodDaysRatio: null, pm25Mean: null, goodDaysTarget: null, pm25Target: null },
    water: { sections: 0, classIIIOrBetter: null },
    noise: { points: 0, exceeding: 0 },
    economy: { gdpCumulativeYoy: 5.1, gdpCompletion: 0.25, gdpOnPace: 1, period: '2026-Q2' },
  };
}
