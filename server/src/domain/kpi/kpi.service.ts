import type { Db } from '../../store/db.js';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import type { CityManifest } from '../../../../shared/schemas/city-pack.js';
import type { WarningLevel } from '../../../../shared/schemas/common.js';
import { aqiCategory, aqiFromAirValues } from '../../../../shared/domain/aqi.js';
import { isClassIIIOrBetter, type WaterClass } from '../../../../shared/domain/water.js';
import { chinaDayStart } from '../../../../shared/domain/time.js';
import { completion, onPace } from '../../../../shared/domain/economy.js';
import type { ChangeSink } from '../ports.js';
import * as repo from './kpi.repository.js';
import { createAirYearCache } from './air-year.js';

/** Readings older than this no longer count towards the current picture. */
const READING_MAX_AGE_MS = 3 * 3600_000;
/** The closure rate is taken over cases reported in the last seven days (product's choice). */
const CLOSURE_WINDOW_MS = 7 * 86_400_000;
const AIR_KEYS = ['so2', 'no2', 'pm10', 'pm25', 'co', 'o3'] as const;
const MINUTE_MS = 60_000;
/** How long the per-minute samples behind the trend lines are kept. */
const KPI_SAMPLE_RETENTION_MS = 86_400_000;

export interface KpiServiceDeps {
  db: Db;
  city: CityManifest;
  sink: ChangeSink;
  now?: () => Date;
}

/** 城市运行体征: rolls the streams up per district and for the city, and pushes what changed. */
export function createKpiService(deps: KpiServiceDeps) {
  const now = deps.now ?? (() => new Date());
  let last = new Map<string, string>();
  let current: VitalSigns[] = [];
  let sampledMinute = -1;
  const airYear = createAirYearCache(deps.db, deps.city);

  /**
   * The vital signs of the real data, or of a drill's exercise data (its own partition, ids
   * `kpi:exercise:<scope>`). The year's air record is the real one in both: a drill plays hours,
   * not a year of daily reports.
   */
  async function compute(t: Date, exercise: boolean): Promise<VitalSigns[]> {
    const [cases, alerts, readings, gdp, year] = await Promise.all([
      repo.caseCounts(deps.db, chinaDayStart(t).toISOString(), new Date(t.getTime() - CLOSURE_WINDOW_MS).toISOString(), t.toISOString(), exercise),
      repo.alertCounts(deps.db, exercise),
      repo.latestReadings(deps.db, new Date(t.getTime() - READING_MAX_AGE_MS).toISOString(), exercise),
      repo.latestGdp(deps.db, exercise),
      airYear.get(t),
    ]);
    const scopes = [deps.city.adcode, ...deps.city.districts.map((d) => d.adcode)];
    return scopes.map((scope): VitalSigns => {
      const isCity = scope === deps.city.adcode;
      const mine = <T extends { district: string | null }>(rows: T[]) => (isCity ? rows : rows.filter((r) => r.district === scope));
      const c = mine(cases).reduce(
        (s, r) => ({
          today: s.today + r.today,
          open: s.open + r.open,
          overdue: s.overdue + r.overdue,
          closedToday: s.closedToday + r.closed_today,
          reg: s.reg + r.registered_window,
          closed: s.closed + r.closed_window,
        }),
        { today: 0, open: 0, overdue: 0, closedToday: 0, reg: 0, closed: 0 },
      );
      const active: Record<WarningLevel, number> = { red: 0, orange: 0, yellow: 0, blue: 0 };
      let unacknowledged = 0;
      for (const r of alerts.filter((a) => a.district === (isCity ? null : scope))) {
        active[r.level as WarningLevel] += r.n;
        unacknowledged += r.unacked;
      }
      const air = mine(readings).filter((r) => r.kind === 'air');
      const water = mine(readings).filter((r) => r.kind === 'water' && r.assessment.waterClass);
      const noise = mine(readings).filter((r) => r.kind === 'noise');
      const aqi = meanAqi(air, t);
      const g = gdp.find((r) => r.region === scope);
      return {
        id: exercise ? `kpi:exercise:${scope}` : `kpi:${scope}`,
        scope,
        level: isCity ? 'city' : 'district',
        exercise,
        computedAt: t.toISOString(),
        cases: { today: c.today, open: c.open, overdue: c.overdue, closedToday: c.closedToday, closureRate: c.reg ? c.closed / c.reg : null },
        alerts: { active, unacknowledged },
        air: { aqi, category: aqi === null ? null : aqiCategory(aqi).level, stations: air.length },
        airYear: year.get(scope)!,
        water: { sections: water.length, classIIIOrBetter: water.length ? water.filter((r) => isClassIIIOrBetter(r.assessment.waterClass as WaterClass)).length / water.length : null },
        noise: { points: noise.length, exceeding: noise.filter((r) => r.assessment.breach).length },
        economy: g
          ? {
              gdpCumulativeYoy: g.cumulative_yoy,
              gdpCompletion: g.cumulative !== null && g.annual_target ? completion(g.cumulative, g.annual_target) : null,
              gdpOnPace: g.cumulative !== null && g.annual_target ? onPace(g.cumulative, g.annual_target, g.period) : null,
              period: g.period,
            }
          : { gdpCumulativeYoy: null, gdpCompletion: null, gdpOnPace: null, period: null },
      };
    });
  }

  /**
   * Keeps the minute's sample current: every scope on the first computation of a minute (the
   * jobs recompute at least every 30 s), then the scopes that changed, so each minute's sample
   * is its latest figures. A new minute also drops samples older than the retention.
   */
  async function sample(t: Date, all: VitalSigns[], changed: VitalSigns[]): Promise<void> {
    const minute = Math.floor(t.getTime() / MINUTE_MS) * MINUTE_MS;
    const first = minute !== sampledMinute;
    await repo.saveSamples(deps.db, new Date(minute).toISOString(), first ? all : changed);
    if (!first) return;
    sampledMinute = minute;
    await repo.pruneSamples(deps.db, new Date(minute - KPI_SAMPLE_RETENTION_MS).toISOString());
  }

  return {
    /** Stored readings: past days' air readings make the year-to-date air figures stale. */
    noteReadings: airYear.touch,
    /** The latest computed vital signs (for snapshots and the HTTP API). */
    current: () => current,
    /**
     * Recomputes and publishes the scopes whose figures changed: the real ones always, the
     * drill's own (exercise) ones unless `exercise` is false (no drill data changed), when
     * the last ones are kept.
     */
    async refresh(opts: { exercise?: boolean } = {}): Promise<VitalSigns[]> {
      const t = now();
      const drill = opts.exercise === false && current.length ? current.filter((v) => v.exercise) : await compute(t, true);
      const next = [...(await compute(t, false)), ...drill];
      const fresh = new Map(next.map((v) => [v.id, JSON.stringify({ ...v, computedAt: undefined })]));
      const changed = next.filter((v) => last.get(v.id) !== fresh.get(v.id));
      current = next;
      last = fresh;
      if (changed.length) deps.sink.publish('kpi', changed);
      await sample(t, next, changed);
      return changed;
    },
    /** The per-minute samples taken in [from, to], oldest first, of `scopes` (all when `null`), real or the drill's. */
    history: (from: Date, to: Date, scopes: string[] | null, exercise = false) => repo.samples(deps.db, from.toISOString(), to.toISOString(), scopes, exercise),
  };
}

/**
 * City AQI as the standard's practice computes it: the AQI of the mean concentrations of
 * the stations, not the mean of their AQIs.
 */
function meanAqi(rows: { values: Record<string, number>; observed_at: Date }[], at: Date): number | null {
  const means: Record<string, number> = {};
  for (const k of AIR_KEYS) {
    const v = rows.map((r) => r.values[k]).filter((x): x is number => typeof x === 'number');
    if (v.length) means[k] = v.reduce((a, b) => a + b, 0) / v.length;
  }
  return aqiFromAirValues(means, at, 'realtime')?.aqi ?? null;
}

export type KpiService = ReturnType<typeof createKpiService>;
