import http from 'node:http';
import path from 'node:path';
import { existsSync } from 'node:fs';
import express from 'express';
import helmet from 'helmet';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { ClientToServerEvents, InterServerEvents, ServerToClientWireEvents, SocketData } from '../../shared/contracts/live.js';
import type { Config } from './config.js';
import type { Db } from './store/db.js';
import type { CityPack } from './city/city-pack.js';
import { createLocator } from './city/locate.js';
import { createIngestKeysRepository } from './auth/ingest-keys.repository.js';
import type { AuthService } from './auth/auth.service.js';
import { requireUser } from './auth/middleware.js';
import { createDomain, type Domain } from './domain/index.js';
import { DEFAULT_TIME_BOUNDS } from '../../shared/domain/time-bounds.js';
import type { ChangeSink, IngestService } from './domain/ports.js';
import { createLiveHub, attachRedisAdapter, type LiveHub } from './realtime/index.js';
import { refuseOtherNamespaces, socketServerOptions } from './realtime/socket-policy.js';
import { asciiParser } from './realtime/ascii-parser.js';
import { createMetrics } from './observability/metrics.js';
import { createAuthRouter } from './http/auth.routes.js';
import { createIngestRouter } from './http/ingest.routes.js';
import { createOpen311Router } from './http/open311.routes.js';
import { createIncidentsRouter } from './http/incidents.routes.js';
import { createAlertsRouter } from './http/alerts.routes.js';
import { createReferenceRouter } from './http/reference.routes.js';
import { createStatsRouter } from './http/stats.routes.js';
import { createAirRouter } from './http/air.routes.js';
import { catchUpAirDays } from './domain/env/daily-aqi.js';
import { createReplayRouter } from './http/replay.routes.js';
import { createOpsRouter } from './http/ops.routes.js';
import { createBasemapRouter } from './http/basemap.routes.js';
import { basemapOrigins, publicBasemap } from './basemap-config.js';
import { createDrillsRouter } from './http/drills.routes.js';
import { createDispatchRouter } from './http/dispatch.routes.js';
import { createPlansRouter } from './http/plans.routes.js';
import { AppError } from './errors.js';
import { errorHandler } from './http/errors.js';
import { textGuard } from './http/text-guard.js';
import { requestDeadline } from './http/request-deadline.js';
import { startJobs, type JobIntervals } from './jobs.js';
import { auditRecorder, createAuditLog } from './audit/audit-log.js';
import { createIngestUse, type IngestUse } from './audit/ingest-use.js';
import { createAuditRouter } from './http/audit.routes.js';
import { createEvaluationRouter } from './http/evaluation.routes.js';
import { createAnalysis } from './domain/rollups/analysis.service.js';
import { rollupContext } from './domain/rollups/rollup-context.js';
import { catchUpRollups } from './domain/rollups/rollups.repository.js';
import { createAdminService } from './admin/admin.service.js';
import { createAdminRouter } from './http/admin.routes.js';
import { disconnectUser } from './realtime/disconnect-user.js';
import { createWarningService } from './domain/warnings/warnings.service.js';
import { createReceiverService } from './domain/warnings/receivers.service.js';
import { createOutboxWorker, type OutboxOptions } from './domain/warnings/outbox-worker.js';
import { createWarningsRouter } from './http/warnings.routes.js';
import { createWebhooksRouter } from './http/webhooks.routes.js';
import { createCapFeedRouter } from './http/cap-feed.routes.js';
import { CITY_WARNING_SENDER } from '../../shared/schemas/alert.js';
import { createRosterService } from './domain/roster/roster.service.js';
import { createHandoverService } from './domain/handover/handover.service.js';
import { createRosterRouter } from './http/roster.routes.js';
import { createHandoverRouter } from './http/handover.routes.js';

export interface AppDeps {
  config: Pick<Config, 'redisUrl' | 'corsOrigins' | 'trustProxy'> &
    Partial<Pick<Config, 'clockToleranceMs' | 'liveMaxSocketsPerUser' | 'requestTimeoutMs' | 'basemap' | 'dataDir'>> & {
      /** Webhook delivery settings (config.webhooks), plus the outbox poll interval for tests. */
      webhooks?: Partial<OutboxOptions>;
    };
  db: Db;
  city: CityPack;
  auth: AuthService;
  log: Logger;
  /** Built client to serve (default `dist/client` when it exists). */
  staticDir?: string;
  jobs?: Partial<JobIntervals>;
  /** Batching window of the live push, ms. */
  flushIntervalMs?: number;
  now?: () => Date;
  /** The MQTT intake's state for the admin health page (main.ts starts it after the app). */
  mqttStatus?: () => { configured: boolean; connected: boolean };
}

export interface App {
  server: http.Server;
  /** The Express application (its router stack lists every route: tests/integration/auth/authorization-matrix.test.ts). */
  express: express.Express;
  io: Server<ClientToServerEvents, ServerToClientWireEvents, InterServerEvents, SocketData>;
  hub: LiveHub;
  domain: Domain;
  /** The ingest service every interface uses (counted in the metrics); MQTT intake uses it too. */
  ingest: IngestService;
  /** The per-key, per-minute summary of ingest key use (flushed by a timer and by `close`). */
  ingestUse: IngestUse;
  /** Stops intake, flushes pending pushes, closes sockets; the caller closes the database. */
  close(): Promise<void>;
}

/** Builds the whole server on its dependencies; does not listen and reads no environment. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { db, city, auth, log } = deps;
  const app = express();
  app.set('trust proxy', deps.config.trustProxy);
  app.disable('x-powered-by');
  const server = http.createServer(app);
  // Refused before the hub sees them (origin, namespace); the hub counts its own per-user refusals.
  const refusedSockets = { count: 0 };
  const refuse = () => void refusedSockets.count++;
  const io = new Server<ClientToServerEvents, ServerToClientWireEvents, InterServerEvents, SocketData>(server, {
    ...socketServerOptions({ corsOrigins: deps.config.corsOrigins, refused: refuse }),
    parser: asciiParser,
  });
  refuseOtherNamespaces(io, refuse);
  const redis = deps.config.redisUrl ? await attachRedisAdapter(io, deps.config.redisUrl, { log }) : null;

  let hub: LiveHub | undefined;
  const sink: ChangeSink = { publish: (topic, items) => hub!.publish(topic, items) };
  const locator = createLocator(city);
  const audit = createAuditLog({ now: deps.now });
  const recordAudit = auditRecorder(audit, db);
  const domain = createDomain({
    db,
    audit,
    city: city.manifest,
    categories: city.categoryByCode,
    departments: city.departments,
    stations: city.stationById,
    senders: city.senders,
    resources: city.resources,
    plans: city.plans,
    sink,
    now: deps.now,
    timeBounds: { ...DEFAULT_TIME_BOUNDS, futureToleranceMs: deps.config.clockToleranceMs ?? DEFAULT_TIME_BOUNDS.futureToleranceMs },
    locate: (p) => ({ district: locator.district(p), gridCell: locator.gridCell(p) }),
    districtsForAreas: (areas) => [...new Set(areas.flatMap((a) => locator.districtsForArea(a)))],
  });
  hub = createLiveHub({
    io,
    db,
    log,
    verifyToken: auth.verifyToken,
    snapshot: domain.snapshot,
    flushIntervalMs: deps.flushIntervalMs,
    maxSocketsPerUser: deps.config.liveMaxSocketsPerUser,
  });
  const airDays = await catchUpAirDays(db);
  if (airDays) log.info({ stationDays: airDays }, 'daily air results computed for days stored before them');
  const rolledUp = await catchUpRollups(db, rollupContext(city.categoryByCode, city.manifest));
  if (rolledUp) log.info({ cases: rolledUp }, 'case rollups computed for cases stored before them');
  await domain.refreshKpis(true);

  const metrics = createMetrics();
  metrics.gauge('cockpit_live_clients', 'Connected live clients on this node', () => hub.stats().clients);
  metrics.gauge('cockpit_live_deltas_flushed', 'Live deltas written by this node since start', () => hub.stats().deltasFlushed);
  metrics.gauge('cockpit_live_deliveries', 'Live items delivered to clients by this node since start', () => hub.stats().deliveries);
  metrics.gauge('cockpit_socket_connections', 'Engine.IO connections open on this node, whatever namespace they joined', () => io.engine.clientsCount);
  metrics.gauge('cockpit_live_refused_connections', 'Socket connections refused since start (origin, namespace, per-user limit)', () => refusedSockets.count + hub.stats().refusedConnections);
  metrics.gauge('cockpit_live_disconnected_over_cap', 'Live sockets disconnected since start because their unread backlog passed the hard cap', () => hub.stats().disconnectedOverCap);
  metrics.gauge('cockpit_live_dropped_to_resync', 'Deltas withheld from slow clients (sent a resync instead) since start', () => hub.stats().droppedToResync);
  if (redis) metrics.gauge('cockpit_redis_up', '1 while this node is connected to Redis, 0 during an outage (degraded: no cross-node fan-out)', () => (redis.up() ? 1 : 0));
  const ingest = metrics.countIngest(domain.ingest);
  const ingestUse = createIngestUse({ db, audit, log });
  const admin = createAdminService({
    db,
    audit,
    onChange(change) {
      auth.invalidate();
      if (change.kind === 'user' && change.disabled) {
        disconnectUser(io, change.username).catch((err: unknown) => log.warn({ err, username: change.username }, 'live sockets of a disabled user not closed'));
      }
    },
  });
  const outbox = createOutboxWorker({ db, log, options: deps.config.webhooks });
  const warnings = createWarningService({
    db,
    alerts: domain.alerts,
    audit,
    districts: new Map(city.manifest.districts.map((d) => [d.adcode, d.name])),
    senderName: city.senders.find((s) => s.id === CITY_WARNING_SENDER)?.name ?? `${city.manifest.name}预警信息发布`,
    published: outbox.kick,
    now: deps.now,
  });
  const receivers = createReceiverService({ db, audit, retried: outbox.kick, now: deps.now });
  let draining = false;

  app.use(metrics.httpMiddleware);
  app.use(ingestUse.middleware);
  app.use(requestDeadline(deps.config.requestTimeoutMs ?? 30_000));
  const basemap = deps.config.basemap ?? { kind: 'builtin' };
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:', ...basemapOrigins(basemap)],
          'style-src': ["'self'", "'unsafe-inline'"],
          'worker-src': ["'self'", 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:', ...basemapOrigins(basemap)],
        },
      },
    }),
  );
  app.use(textGuard);
  app.use(createOpsRouter({ db, registry: metrics.registry, draining: () => draining, pingRedis: redis ? () => redis.ping() : undefined }));
  app.use((req, _res, next) => next(draining && req.method !== 'GET' ? new AppError(503, 'shutting_down', 'The server is shutting down') : undefined));
  app.use(createAuthRouter(auth, { throttle: { redis: redis?.client }, audit: recordAudit }));
  app.use(createIngestRouter({ ingest, verifyIngestKey: auth.verifyIngestKey }));
  app.use(createBasemapRouter({ districts: city.districts, land: city.land ?? null, basemap, dataDir: deps.config.dataDir }));
  app.use(createOpen311Router({ ingest, cases: domain.cases, categories: city.categories, departments: city.departments, verifyIngestKey: auth.verifyIngestKey, verifyToken: auth.verifyToken }));
  app.use(createDrillsRouter({ drills: domain.drills, auth, audit: recordAudit }));
  app.use(createCapFeedRouter({ db, cityName: city.manifest.name, now: deps.now }));
  const api = express.Router();
  api.use(requireUser(auth, 'streams:read'), express.json({ limit: '100kb' }), textGuard);
  api.use('/incidents', createIncidentsRouter({ domain, gridResolution: city.manifest.gridResolution }));
  api.use('/alerts', createAlertsRouter({ db, domain }));
  api.use('/plans', createPlansRouter({ plans: domain.plans }));
  api.use('/warnings', createWarningsRouter({ warnings }));
  api.use(createWebhooksRouter({ receivers }));
  api.use('/replay', createReplayRouter({ db }));
  api.use('/dispatch', createDispatchRouter({ dispatch: domain.dispatch, resources: city.resources }));
  api.use(createReferenceRouter({ db, domain, city, basemap: publicBasemap(basemap) }));
  api.use('/stats', createStatsRouter({ db, now: deps.now }));
  api.use('/air', createAirRouter({ db, city, now: deps.now }));
  api.use(createAuditRouter({ db }));
  api.use(
    createEvaluationRouter({
      analysis: createAnalysis({ db, city: city.manifest, departments: city.departments, utcOffsetMinutes: rollupContext(city.categoryByCode, city.manifest).utcOffsetMinutes }),
      categories: city.categoryByCode,
      gridResolution: city.manifest.gridResolution,
      now: deps.now,
    }),
  );
  api.use(
    createAdminRouter({
      admin,
      health: {
        db,
        pingRedis: redis ? () => redis.ping() : undefined,
        mqtt: deps.mqttStatus ?? (() => ({ configured: false, connected: false })),
        lastIngestAt: async () => ingestUse.lastIngestAt() ?? (await createIngestKeysRepository(db).lastUse()),
        openDrill: async () => (await domain.drills.open())[0] ?? null,
        liveClients: () => hub.stats().clients,
      },
    }),
  );
  api.use(createRosterRouter({ roster: createRosterService({ db, audit, now: deps.now }), now: deps.now }));
  const places = Object.fromEntries(city.manifest.districts.map((d) => [d.adcode, { zh: d.name, en: d.nameEn ?? d.name }]));
  api.use(createHandoverRouter({ handovers: createHandoverService({ db, audit, places, resources: Object.fromEntries(city.resources.map((r) => [r.id, r.name])), now: deps.now }) }));
  app.use('/api/v1', api);
  app.use('/api', (_req, _res, next) => next(new AppError(404, 'not_found', 'No such endpoint')));
  serveClient(app, deps.staticDir ?? path.resolve('dist/client'));
  app.use(errorHandler(log));

  const jobs = startJobs(domain, log, deps.jobs);
  await outbox.start();
  return {
    server,
    express: app,
    io,
    hub,
    domain,
    ingest,
    ingestUse,
    async close() {
      draining = true;
      jobs.stop();
      await outbox.stop();
      await ingestUse.stop().catch((err: unknown) => log.error({ err }, 'ingest-use summary not written at shutdown'));
      await hub.close();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      server.closeAllConnections?.();
      await redis?.close();
    },
  };
}

/** Every path the client's history-mode fallback answers: all but the server's own prefixes. */
export const CLIENT_FALLBACK_PATH = /^\/(?!api\/|open311\/|cap\/|socket\.io\/).*/;

/** Serves the built client with a history-mode fallback, when it has been built. */
function serveClient(app: express.Express, dir: string): void {
  if (!existsSync(path.join(dir, 'index.html'))) return;
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.get(CLIENT_FALLBACK_PATH, (_req, res) => res.sendFile(path.join(dir, 'index.html')));
}
