import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n } from 'vue-i18n';
import type { Alert } from '../../../../shared/schemas/alert.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import type { Observation } from '../../../../shared/schemas/observation.js';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import type { CityReference } from '../../../../client/src/stores/reference.js';
import { messages } from '../../../../client/src/i18n/index.js';
import { createMapFormat, type MapFormat } from '../../../../client/src/map/format.js';

// Tests run from the repository root (vitest `root: '.'`); under jsdom import.meta.url is not a file URL.
const read = <T>(file: string): T => JSON.parse(readFileSync(join(process.cwd(), 'mock-data/cities/441700', file), 'utf8')) as T;

/** The Yangjiang city pack as the reference store holds it. */
export function yangjiang(): CityReference {
  return {
    manifest: read('city.json'),
    districts: read('districts.geojson'),
    categories: read('categories.json'),
    departments: read('departments.json'),
    senders: read('senders.json'),
    stations: read('stations.json'),
    resources: read('resources.json'),
    cameras: read('cameras.json'),
  };
}

/** The map's formatter over the app's real messages, in one language. */
export function mapFormat(locale: 'zh-CN' | 'en' = 'zh-CN', city = yangjiang()): MapFormat {
  const i18n = createI18n({ legacy: false, locale, messages });
  return createMapFormat(
    (k, p) => i18n.global.t(k, p ?? {}),
    (k) => i18n.global.te(k),
    () => locale,
    city,
  );
}

const T = '2026-11-22T08:00:00+08:00';

export function gridCase(id: string, over: Partial<GridCase> = {}): GridCase {
  return {
    id,
    sourceId: `src-${id}`,
    source: 'inspector',
    category: 'road_damage',
    kind: 'facility',
    title: `case ${id}`,
    description: null,
    location: { lon: 111.98, lat: 21.86 },
    address: null,
    district: '441702',
    gridCell: null,
    status: 'registered',
    department: null,
    reportedAt: T,
    dispatchedAt: null,
    deadlineAt: null,
    closedAt: null,
    overdue: false,
    escalated: false,
    exercise: false,
    updatedAt: T,
    version: 1,
    assignee: null,
    supervised: null,
    mergedInto: null,
    closeReason: null,
    ...over,
  };
}

export function alert(id: string, over: Partial<Alert> = {}): Alert {
  return {
    id,
    sourceId: `cap-${id}`,
    sender: 'gd-emergency',
    senderName: null,
    kind: 'warning',
    sent: T,
    category: 'typhoon',
    event: '台风蓝色预警',
    level: 'blue',
    severity: 'Minor',
    urgency: 'Expected',
    certainty: 'Likely',
    headline: `headline ${id}`,
    description: null,
    instruction: null,
    effective: null,
    expires: null,
    areas: [{ areaDesc: '江城区', polygons: [], circles: [], geocodes: [] }],
    simplified: false,
    districts: ['441702'],
    state: 'active',
    exercise: false,
    escalation: 0,
    raisedAt: T,
    acknowledgedBy: null,
    acknowledgedAt: null,
    ackComment: null,
    updatedAt: T,
    ...over,
  };
}

export function observation(stationId: string, kind: Observation['kind'], over: Partial<Observation> = {}): Observation {
  return { id: `obs-${stationId}`, stationId, kind, district: '441702', observedAt: T, values: {}, assessment: { breach: false }, exercise: false, ...over };
}

export function vitalSigns(scope: string, over: { today?: number; overdue?: number; closureRate?: number | null; aqi?: number | null } = {}): VitalSigns {
  return {
    id: `kpi:${scope}`,
    scope,
    level: scope === '441700' ? 'city' : 'district',
    exercise: false,
    computedAt: T,
    cases: { today: over.today ?? 0, open: 3, overdue: over.overdue ?? 0, closedToday: 0, closureRate: over.closureRate ?? null },
    alerts: { active: { red: 0, orange: 0, yellow: 0, blue: 0 }, unacknowledged: 0 },
    air: { aqi: over.aqi ?? null, category: null, stations: 2 },
    airYear: { year: 2026, validDays: 0, goodDays: 0, goodDaysRatio: null, pm25Mean: null, goodDaysTarget: null, pm25Target: null },
    water: { sections: 1, classIIIOrBetter: 1 },
    noise: { points: 1, exceeding: 0 },
    economy: { gdpCumulativeYoy: null, gdpCompletion: null, gdpOnPace: null, period: null },
  };
}
