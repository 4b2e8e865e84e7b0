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
import { alertItem, caseItem, observationItem, vitalSignsItem } from '../../../fixtures/items.js';

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

export const gridCase = (id: string, over: Partial<GridCase> = {}): GridCase => caseItem(id, over, T);

export const alert = (id: string, over: Partial<Alert> = {}): Alert => alertItem(id, over, T);

export const observation = (stationId: string, kind: Observation['kind'], over: Partial<Observation> = {}): Observation => observationItem(stationId, { kind, ...over }, T);

export function vitalSigns(scope: string, over: { today?: number; overdue?: number; closureRate?: number | null; aqi?: number | null } = {}): VitalSigns {
  const quiet = vitalSignsItem(scope, {}, T);
  return {
    ...quiet,
    cases: { ...quiet.cases, today: over.today ?? 0, overdue: over.overdue ?? 0, closureRate: over.closureRate ?? null },
    air: { ...quiet.air, aqi: over.aqi ?? null },
  };
}
