import type { Queryable } from '../../store/db.js';
import { iso } from '../../store/sql-helpers.js';
import type { Observation, ObservationAssessment } from '../../../../shared/schemas/observation.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import { CITY_ENV_SENDER, type AlertParsed } from '../../../../shared/schemas/alert.js';
import { waterClassRank } from '../../../../shared/domain/water.js';
import { runningNotices } from '../alerts/alerts.repository.js';
import { breachLevel, DEFAULT_WATER_TARGET } from './assess.js';
import { episodeTexts } from './breach-texts.js';

/**
 * When a breach is worth a notice (product rule, docs/DOMAIN_RULES.md): a breach must be
 * significant on its own or sustained, so a noise point 0.2 dB over for one hour or a
 * section one class below target for one reading raises nothing.
 */
export const BREACH_RULES = {
  noise: { sustainedMs: 2 * 3600_000, significantDb: 5, maxGapMs: 90 * 60_000 },
  water: { sustainedReadings: 2, significantClasses: 2, maxGapMs: 26 * 3600_000 },
  air: { sustainedMs: 3600_000, significantCategory: 5, maxGapMs: 90 * 60_000 },
} as const;

/** How far back a run of breaching readings is looked for. */
const LOOKBACK_MS = 27 * 3600_000;

interface Reading {
  at: number;
  assessment: ObservationAssessment;
}

/** The station's readings of one partition, newest first, over the look-back window. */
async function recentReadings(tx: Queryable, stationId: string, exercise: boolean, latest: string): Promise<Reading[]> {
  const { rows } = await tx.query(
    `select observed_at, assessment from observations where station_id = $1 and exercise = $2
       and observed_at > $3::timestamptz - interval '${LOOKBACK_MS / 1000} seconds' order by observed_at desc limit 400`,
    [stationId, exercise, latest],
  );
  return rows.map((r) => ({ at: Date.parse(iso(r.observed_at)), assessment: r.assessment as ObservationAssessment }));
}

/** The unbroken run of breaching readings ending with the newest (empty when it complies). */
export function breachRun(readings: readonly Reading[], maxGapMs: number): Reading[] {
  const run: Reading[] = [];
  for (const r of readings) {
    if (!r.assessment.breach || (run.length > 0 && run[run.length - 1]!.at - r.at > maxGapMs)) break;
    run.push(r);
  }
  return run;
}

/** Whether a run of breaching readings (newest first) is significant or sustained enough to raise a notice. */
export function worthANotice(station: Station, run: readonly Reading[]): boolean {
  const latest = run[0];
  if (!latest) return false;
  const a = latest.assessment;
  const lasted = latest.at - run[run.length - 1]!.at;
  if (station.kind === 'noise') return (a.noiseExceedance ?? 0) >= BREACH_RULES.noise.significantDb || lasted >= BREACH_RULES.noise.sustainedMs;
  if (station.kind === 'water') {
    const below = a.waterClass ? waterClassRank(a.waterClass) - waterClassRank(station.targetClass ?? DEFAULT_WATER_TARGET) : 0;
    return below >= BREACH_RULES.water.significantClasses || run.length >= BREACH_RULES.water.sustainedReadings;
  }
  return (a.category ?? 0) >= BREACH_RULES.air.significantCategory || lasted >= BREACH_RULES.air.sustainedMs;
}

/**
 * CAP-shaped messages keeping one notice per station and breach episode: raised once the
 * breach is worth it, updated while it lasts (level or measured value changed), cancelled
 * at the first compliant reading. Readings of a drill raise drill notices only. `fresh`
 * are readings just stored; a station whose newest stored reading is older than them
 * (a late reading) is left alone.
 */
export async function episodeMessages(tx: Queryable, fresh: Observation[], stations: Map<string, Station>): Promise<AlertParsed[]> {
  const latest = new Map<string, Observation>();
  for (const o of fresh) {
    const k = `${o.exercise}|${o.stationId}`;
    const prev = latest.get(k);
    if (!prev || prev.observedAt < o.observedAt) latest.set(k, o);
  }
  const out: AlertParsed[] = [];
  for (const o of latest.values()) {
    const station = stations.get(o.stationId)!;
    const prefix = `env${o.exercise ? '-exercise' : ''}:${o.stationId}:`;
    const [open] = await runningNotices(tx, prefix);
    const level = breachLevel(o.assessment);
    // The common case, a compliant reading and no episode running, needs no history.
    if (!level && !open) continue;
    const readings = await recentReadings(tx, o.stationId, o.exercise, o.observedAt);
    if (readings[0]?.at !== Date.parse(o.observedAt)) continue;
    const run = breachRun(readings, BREACH_RULES[station.kind].maxGapMs);
    const texts = episodeTexts(station, o, run.length, o.exercise);
    const base: Omit<AlertParsed, 'sourceId' | 'msgType' | 'references' | 'level' | keyof typeof texts> = {
      sender: CITY_ENV_SENDER,
      sent: o.observedAt,
      status: o.exercise ? 'Exercise' : 'Actual',
      category: 'environment',
      urgency: 'Immediate',
      certainty: 'Observed',
      districts: [station.district],
      areas: [{ areaDesc: station.name, polygons: [], circles: [{ lon: station.location.lon, lat: station.location.lat, radiusKm: 1 }], geocodes: [] }],
    };
    const id = `${prefix}${Date.parse(o.observedAt)}`;
    if (level && !open && worthANotice(station, run)) {
      out.push({ ...base, ...texts, sourceId: id, msgType: 'Alert', references: [], level });
    } else if (level && open && (open.level !== level || open.headline !== texts.headline)) {
      out.push({ ...base, ...texts, sourceId: `${id}:update`, msgType: 'Update', references: [open.sourceId], level });
    } else if (!level && open) {
      out.push({ ...base, ...texts, sourceId: `${id}:cancel`, msgType: 'Cancel', references: [open.sourceId], level: open.level });
    }
  }
  return out;
}
