import type { Db, Queryable } from '../../store/db.js';
import { HttpError, type ErrorIssue } from '../../http/errors.js';
import type { Observation, ObservationInput } from '../../../../shared/schemas/observation.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import type { AlertParsed } from '../../../../shared/schemas/alert.js';
import { aqiStandardFor } from '../../../../shared/domain/aqi.js';
import type { ChangeSink, IngestResult } from '../ports.js';
import type { AlertService } from '../alerts/alerts.service.js';
import { assess, breachLevel } from './assess.js';
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

/** Sensor readings in: assessed, stored, pushed; breaches raise, update and end environment alerts. */
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
    const means = await repo.rollingMeans(tx, o.stationId, o.observedAt, need, o.exercise ?? false);
    const values = { ...o.values };
    for (const k of need) values[`${k}_24h`] = means[k] ?? o.values[k];
    return { ...o, values };
  }

  /** CAP-shaped messages that keep one environment alert per station in step with its latest reading. */
  async function breachMessages(tx: Queryable, fresh: Observation[]): Promise<AlertParsed[]> {
    const latest = new Map<string, Observation>();
    for (const o of fresh) {
      const prev = latest.get(o.stationId);
      if (!prev || prev.observedAt < o.observedAt) latest.set(o.stationId, o);
    }
    const out: AlertParsed[] = [];
    for (const o of latest.values()) {
      const station = deps.stations.get(o.stationId)!;
      const prefix = `env${o.exercise ? '-exercise' : ''}:${o.stationId}:`;
      const { rows } = await tx.query(
        `select source_id, level from alerts where category = 'environment' and state in ('active','acknowledged') and source_id like $1 || '%'`,
        [prefix],
      );
      const open = rows[0] as { source_id: string; level: string } | undefined;
      const level = breachLevel(o.assessment);
      const base: Omit<AlertParsed, 'sourceId' | 'msgType' | 'references' | 'event' | 'level'> = {
        sender: 'city-cockpit/env', sent: o.observedAt, status: o.exercise ? 'Exercise' : 'Actual', category: 'environment',
        urgency: 'Immediate', certainty: 'Observed', districts: [station.district], areas: [{ areaDesc: station.name, polygons: [], circles: [{ lon: station.location.lon, lat: station.location.lat, radiusKm: 1 }], geocodes: [] }],
      };
      const id = `${prefix}${new Date(o.observedAt).getTime()}`;
      const event = `${station.name} ${o.kind === 'air' ? `AQI ${o.assessment.aqi}` : o.kind === 'water' ? `水质${o.assessment.waterClass}类` : `噪声超标 ${o.assessment.noiseExceedance} dB(A)`}`;
      if (level && !open) out.push({ ...base, sourceId: id, msgType: 'Alert', references: [], event, level, headline: event });
      else if (level && open && open.level !== level) out.push({ ...base, sourceId: `${id}:update`, msgType: 'Update', references: [open.source_id], event, level, headline: event });
      else if (!level && open) out.push({ ...base, sourceId: `${id}:cancel`, msgType: 'Cancel', references: [open.source_id], event: `${station.name} 恢复正常`, level: open.level as AlertParsed['level'] });
    }
    return out;
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
        const msgs = await breachMessages(tx, fresh);
        const applied = msgs.length ? await deps.alerts.applyAll(tx, msgs) : { touched: [] };
        return { ...stored, alerts: applied.touched };
      });
      if (inserted.length) deps.sink.publish('env', inserted);
      deps.alerts.publish(alerts);
      return { accepted: items.length, ids };
    },
  };
}

export type ObservationService = ReturnType<typeof createObservationService>;
