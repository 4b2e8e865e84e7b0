import type { Db } from '../../store/db.js';
import { AppError, type ErrorIssue } from '../../errors.js';
import type { Observation, ObservationInput } from '../../../../shared/schemas/observation.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import type { ChangeSink, IngestResult } from '../ports.js';
import type { AlertService } from '../alerts/alerts.service.js';
import { assess } from './assess.js';
import { episodeMessages } from './breach-episodes.js';
import * as repo from './observations.repository.js';
import { lockAirStations, reassessMovingMeans } from './means.js';
import { refreshAirDays } from './daily-aqi.js';

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
    if (issues.length) throw new AppError(422, 'validation_failed', `Invalid input: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }

  return {
    async ingest(items: ObservationInput[]): Promise<IngestResult> {
      check(items);
      const { ids, inserted, alerts } = await deps.db.transaction(async (tx) => {
        const rows: Omit<Observation, 'id'>[] = [];
        for (const o of items) {
          const station = deps.stations.get(o.stationId)!;
          rows.push({
            stationId: o.stationId,
            kind: o.kind,
            district: station.district,
            observedAt: new Date(o.observedAt).toISOString(),
            values: o.values,
            assessment: assess(o, station),
            exercise: o.exercise ?? false,
          });
        }
        const stored = await repo.insertObservations(tx, rows);
        // Moving means are read once every hour of the request is stored (see means.ts).
        await lockAirStations(tx, stored.inserted);
        const reassessed = new Map((await reassessMovingMeans(tx, deps.stations, stored.inserted)).map((o) => [o.id, o]));
        const inserted = stored.inserted.map((o) => reassessed.get(o.id) ?? o);
        for (const o of inserted) reassessed.delete(o.id);
        await refreshAirDays(tx, inserted);
        const fresh = inserted.filter((o) => now().getTime() - Date.parse(o.observedAt) < ALERT_FRESHNESS_MS);
        const msgs = await episodeMessages(tx, fresh, deps.stations);
        const applied = msgs.length ? await deps.alerts.applyAll(tx, msgs, 'notice') : { touched: [] };
        return { ids: stored.ids, inserted: [...inserted, ...reassessed.values()], alerts: applied.touched };
      });
      // Oldest first, so a station's newest reading is the last one a client upserts.
      if (inserted.length)
        deps.sink.publish(
          'env',
          inserted.sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt)),
        );
      deps.alerts.publish(alerts);
      return { accepted: items.length, ids };
    },
  };
}

export type ObservationService = ReturnType<typeof createObservationService>;
