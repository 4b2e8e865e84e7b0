import type { GridCase } from '../../../shared/schemas/grid-event.js';
import type { Alert } from '../../../shared/schemas/alert.js';
import type { Observation } from '../../../shared/schemas/observation.js';
import type { Indicator } from '../../../shared/schemas/indicator.js';
import type { VitalSigns } from '../../../shared/contracts/kpi.js';
import { alertItem, caseItem, observationItem, vitalSignsItem } from '../../fixtures/items.js';

/** Yangjiang: the city and two of its districts. */
export const CITY = '441700';
export const JIANGCHENG = '441702';
export const YANGDONG = '441704';

const T = '2026-07-01T08:00:00+08:00';

/** A case in `district` (null: not placed in any district). */
export const gridCase = (id: string, district: string | null, description: string | null = null): GridCase => caseItem(id, { category: 'road', description, district, status: 'reported' }, T);

export const alert = (id: string, districts: string[]): Alert =>
  alertItem(id, { sourceId: `src-${id}`, event: 'typhoon', level: 'orange', severity: 'Severe', headline: `alert ${id}`, areas: [], districts }, T);

export const observation = (id: string, district: string | null, note = ''): Observation =>
  observationItem(`st-${id}${note}`, { id, district, values: { pm25: 35 }, assessment: { aqi: 50, category: 1, breach: false } }, T);

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
  return vitalSignsItem(
    scope,
    {
      cases: { today: 1, open: 1, overdue: 0, closedToday: 0, closureRate: null },
      alerts: { active: { red: 0, orange: 1, yellow: 0, blue: 0 }, unacknowledged: 1 },
      air: { aqi: 50, category: 1, stations: 1 },
      water: { sections: 0, classIIIOrBetter: null },
      noise: { points: 0, exceeding: 0 },
      economy: { gdpCumulativeYoy: 5.1, gdpCompletion: 0.25, gdpOnPace: 1, period: '2026-Q2' },
    },
    T,
  );
}
