import type { Db } from '../store/db.js';
import type { AlertArea } from '../../../shared/schemas/alert.js';
import type { CaseCategory, CityManifest, Department, Resource, Sender, Station } from '../../../shared/schemas/city-pack.js';
import type { LiveTopic, TopicItems } from '../../../shared/contracts/live.js';
import { chinaDayStart } from '../../../shared/domain/time.js';
import { inDistricts } from '../../../shared/auth/districts.js';
import type { AuditLog, CaseQueries, ChangeSink, IngestService } from './ports.js';
import { createGridService } from './grid/grid.service.js';
import * as cases from './grid/cases.repository.js';
import { listCases, snapshotCases } from './grid/case-list.repository.js';
import { closingNotes } from './grid/case-timeline.repository.js';
import { createAlertService } from './alerts/alerts.service.js';
import * as alerts from './alerts/alerts.repository.js';
import { createObservationService } from './env/observations.service.js';
import * as observations from './env/observations.repository.js';
import { createIndicatorService, withTracking } from './economy/indicators.service.js';
import * as indicators from './economy/indicators.repository.js';
import { createKpiService } from './kpi/kpi.service.js';
import { boundIngestTimes } from './time-guard.js';
import { DEFAULT_TIME_BOUNDS, type TimeBounds } from '../../../shared/domain/time-bounds.js';
import { createDrillService } from './drills/drills.service.js';
import { createDispatchService } from './dispatch/dispatch.service.js';
import { targetResolvers } from './dispatch/dispatch-targets.js';
import { createPlanService } from './plans/plans.service.js';
import type { ResponsePlan } from '../../../shared/schemas/plan.js';
import { foldRollupsWhenQuiet } from './rollups/rollups.repository.js';

export interface DomainDeps {
  db: Db;
  city: CityManifest;
  categories: Map<string, CaseCategory>;
  /** The city pack's departments: a case is dispatched to one of them. */
  departments: Department[];
  stations: Map<string, Station>;
  /** CAP senders of the city pack: their names fill in an alert's `senderName` when the message has none. */
  senders?: Sender[];
  /** The city pack's response plans: a matching alert proposes them. */
  plans?: readonly ResponsePlan[];
  locate: (p: { lon: number; lat: number }) => { district: string | null; gridCell: string | null };
  districtsForAreas: (areas: AlertArea[]) => string[];
  /** Where committed changes go (the live hub). */
  sink: ChangeSink;
  /** The audit log people's actions are written to (in the action's transaction). */
  audit?: AuditLog;
  now?: () => Date;
  /** Clock tolerance and earliest time for ingested times (default: 5 min, 2000-01-01). */
  timeBounds?: TimeBounds;
  /** The city pack's emergency resources, dispatched to alerts, cases and plan steps. */
  resources?: Resource[];
}

/**
 * The four streams and the vital signs, wired together. Every change is sent to the sink and
 * marks the KPIs dirty; `refreshKpis` recomputes them (the caller schedules it).
 */
export function createDomain(deps: DomainDeps) {
  const now = deps.now ?? (() => new Date());
  let kpiDirty = true;
  /** Exercise data changed since the drill's vital signs were last computed. */
  let drillDirty = true;
  const sink: ChangeSink = {
    publish(topic, items) {
      deps.sink.publish(topic, items);
      if (topic === 'env') kpi.noteReadings(items as TopicItems['env'][]);
      if (topic === 'kpi') return;
      kpiDirty = true;
      if (!isExercise(items)) return;
      drillDirty = true;
      drills.heard();
    },
  };
  const drills = createDrillService({ db: deps.db, sink: deps.sink, districts: deps.city.districts.map((d) => d.adcode), now });
  const grid = createGridService({ ...deps, calendar: deps.city.calendar, departments: new Set(deps.departments.map((d) => d.id)), sink, now });
  const senderNames = new Map((deps.senders ?? []).map((s) => [s.id, s.name]));
  const plans = createPlanService({ db: deps.db, plans: deps.plans ?? [], districts: deps.city.districts.map((d) => d.adcode), sink, audit: deps.audit, now });
  const alertService = createAlertService({ db: deps.db, districtsForAreas: deps.districtsForAreas, senderNames, sink, audit: deps.audit, onAlerts: plans.followAlerts, now });
  const env = createObservationService({ db: deps.db, stations: deps.stations, alerts: alertService, sink, now });
  const regions = new Set([deps.city.adcode, ...deps.city.districts.map((d) => d.adcode)]);
  const economy = createIndicatorService({ db: deps.db, sink, regions, now });
  const kpi = createKpiService({ db: deps.db, city: deps.city, sink: deps.sink, now });
  const dispatch = createDispatchService({ db: deps.db, resources: deps.resources ?? [], targets: targetResolvers(), sink, audit: deps.audit, now });

  const ingest: IngestService = boundIngestTimes(
    {
      gridEvents: (items) => grid.ingest(items),
      alerts: (items) => alertService.ingest(items),
      observations: (items) => env.ingest(items),
      indicators: (items) => economy.ingest(items),
    },
    now,
    deps.timeBounds ?? DEFAULT_TIME_BOUNDS,
  );

  const caseQueries: CaseQueries = {
    async list(filter) {
      const page = await listCases(deps.db, filter, now());
      return { items: page.items.map((c) => cases.toGridCase(c, now())), nextCursor: page.nextCursor };
    },
    async get(id) {
      const c = await cases.getCase(deps.db, id);
      return c ? cases.toGridCase(c, now()) : null;
    },
    async open311Extras(ids) {
      const [media, notes] = await Promise.all([cases.mediaUrls(deps.db, ids), closingNotes(deps.db, ids)]);
      return new Map(ids.map((id) => [id, { mediaUrl: media.get(id) ?? null, closingNote: notes.get(id) ?? null }]));
    },
  };

  /** The current state of a topic as a client starts from it, restricted to `districts`. */
  async function snapshot<T extends LiveTopic>(topic: T, districts: string[] | null): Promise<TopicItems[T][]> {
    const t = now();
    const out: Record<LiveTopic, () => Promise<unknown[]>> = {
      grid: async () => (await snapshotCases(deps.db, districts, chinaDayStart(t).toISOString())).map((c) => cases.toGridCase(c, t)),
      alerts: async () => {
        // Every running alert, never a first page: a screen must not miss the 201st warning.
        const running = (exercise: boolean) => alerts.listAlerts(deps.db, { states: ['active', 'acknowledged'], districts, exercise, limit: null });
        return [...(await running(false)).items, ...(await running(true)).items].map(alerts.toAlert);
      },
      env: async () => [...(await observations.latestPerStation(deps.db)), ...(await observations.latestPerStation(deps.db, true))].filter((o) => inDistricts(districts, [o.district])),
      economy: async () =>
        [...(await indicators.list(deps.db, { latestOnly: true })), ...(await indicators.list(deps.db, { latestOnly: true, exercise: true }))]
          .filter((r) => inDistricts(districts, [r.region]))
          .map(withTracking),
      kpi: async () => kpi.current().filter((v) => inDistricts(districts, [v.scope])),
      drills: async () => (await drills.open()).filter((d) => inDistricts(districts, d.districts)),
      dispatch: () => dispatch.snapshot(districts),
      plans: () => plans.list({ states: ['proposed', 'active'], districts, limit: 500 }),
    };
    return (await out[topic]()) as TopicItems[T][];
  }

  return {
    grid,
    alerts: alertService,
    economy,
    kpi,
    drills,
    dispatch,
    plans,
    ingest,
    cases: caseQueries,
    snapshot,
    /** Folds the rollup log's pending changes into the rollups once ingest is quiet (the `rollups` job). */
    foldRollups: () => foldRollupsWhenQuiet(deps.db, { quietMs: 1000, maxLagMs: 15_000 }),
    /** Recomputes the vital signs when something changed since the last time (or when forced). */
    async refreshKpis(force = false) {
      if (!kpiDirty && !force) return;
      const exercise = drillDirty || force;
      kpiDirty = false;
      drillDirty = false;
      await kpi.refresh({ exercise });
    },
  };
}

export type Domain = ReturnType<typeof createDomain>;

/** Whether any of the items is a drill's (exercise) data. */
function isExercise(items: readonly unknown[]): boolean {
  return items.some((i) => (i as { exercise?: unknown }).exercise === true);
}
