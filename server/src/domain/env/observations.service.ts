import type { Db, Queryable } from '../../store/db.js';
import { HttpError, type ErrorIssue } from '../../http/errors.js';
import type { Observation, ObservationInput } from '../../../../shared/schemas/observation.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import { aqiStandardFor } from '../../../../shared/domain/aqi.js';
import type { ChangeSink, IngestResult } from '../ports.js';
import type { AlertService } from '../alerts/alerts.service.js';
import { assess } from './assess.js';
import { episodeMessages } from './breach-episodes.js';
import * as repo from './observations.repository.js';

export interface ObservationServiceDeps {
  db: Db;
  stations: Map<string, Station>;
  alerts: AlertService;
  sink: ChangeSink;
  now?: () => Date;
}

/** Readings older than this do not raise alerts (back-fills and replays stay quiet). */
const ALERT_FRESHNESS_MS = 3 * 3600_000;

/** Sensor readings in: assessed, stored, pushed; breach episodes raise, update and end environment notices. */
export function createObservationService(deps: ObservationServiceDeps) {
  const now = deps.now ?? (() => new Date());

  function check(items: ObservationInput[]): void {
    const issues: ErrorIssue[] = [];
    items.forEach((o, i) => {
      const s = deps.stations.get(o.stationId);
      if (!s) issues.push({ path: `${i}.stationId`, message: `unknown station '${o.stationId}'` });
      else if (s.kind !== o.kind) issues.push({ path: `${i}.kind`, message: `station ${o.stationId} is a ${s.kind} station, not ${o.kind}` });
    });
    if (issues.length) throw new HttpError(422, 'validation_failed', `Invalid input: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }

  /** HJ 633—2012 reads particles in real time as 24-hour moving means: fill them from history. */
  async function withRollingMeans(tx: Queryable, o: ObservationInput): Promise<ObservationInput> {
    if (o.kind !== 'air' || aqiStandardFor(o.observedAt) !== 'HJ633-2012') return o;
    const need = (['pm10', 'pm25'] as const).filter((k) => o.values[k] !== undefined && o.values[`${k}_24h`] === undefined);
    if (!need.length) return o;
    const means = await repo.rollingMeans(tx, o.stationId, o.observedAt, need);
    const values = { ...o.values };
    for (const k of need) values[`${k}_24h`] = means[k] ?? o.values[k];
    return { ...o, values };
  }

  return {
    async ingest(items: ObservationInput[]): Promise<IngestResult> {
      check(items);
      const { ids, inserted, alerts } = await deps.db.transaction(async (tx) => {
        const rows: Omit<Observation, 'id'>[] = [];
        for (const raw of items) {
          const o = await withRollingMeans(tx, raw);
          const station = deps.stations.get(o.stationId)!;
          rows.push({
            stationId: o.stationId, kind: o.kind, district: station.district, observedAt: new Date(o.observedAt).toISOString(),
            values: o.values as Record<string, number>, assessment: assess(o, station), exercise: o.exercise ?? false,
          });
        }
        const stored = await repo.insertObservations(tx, rows);
        const fresh = stored.inserted.filter((o) => now().getTime() - Date.parse(o.observedAt) < ALERT_FRESHNESS_MS);
        const msgs = await episodeMessages(tx, fresh, deps.stations);
        const applied = msgs.length ? await deps.alerts.applyAll(tx, msgs, 'notice') : { touched: [] };
        return { ...stored, alerts: applied.touched };
      });
      if (inserted.length) deps.sink.publish('env', inserted);
      deps.alerts.publish(alerts);
      return { accepted: items.length, ids };
    },
  };
}

export type ObservationService = ReturnType<typeof createObservationService>;
