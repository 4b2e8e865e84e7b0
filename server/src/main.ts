import { pino } from 'pino';
import { ConfigError, loadConfig, redactConfig } from './config.js';
import { openDb } from './store/db.js';
import { migrate } from './store/migrate.js';
import { loadCityPack } from './city/city-pack.js';
import { createAuthService } from './auth/auth.service.js';
import { DEMO_INGEST_KEY } from './auth/secrets.js';
import { DEMO_PASSWORD } from './auth/bootstrap.js';
import { createApp } from './app.js';
import { startMqttIngest } from './ingest/mqtt.adapter.js';
import { loadSimCity, startSimulator } from '../../mock-data/simulator/index.js';
import { demoPlan } from './demo/backfill-window.js';
import { runHistoryBackfill } from './demo/history-backfill.js';
import { startHistoryTail } from './demo/history-tail.js';
import { seedDemoRoster } from './domain/roster/demo-roster.js';

/** Reads the environment, starts everything, and shuts down gracefully on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${err.message}\nThe server refuses to start; see README.md "Configuration".`);
      process.exit(1);
    }
    throw err;
  }
  const log = pino({ level: config.logLevel });
  log.info({ config: redactConfig(config) }, 'starting');
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeoutMs: config.dbTimeoutMs, connectTimeoutMs: config.dbConnectTimeoutMs, pgliteMemory: config.pgliteMemory });
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const city = await loadCityPack(config.city);
  const auth = createAuthService({ db, config, defaultGridDistrict: city.manifest.districts[0]!.adcode });
  await auth.bootstrap();
  let mqtt: ReturnType<typeof startMqttIngest> | null = null;
  const mqttStatus = () => ({ configured: !!config.mqttUrl, connected: mqtt?.connected() ?? false });
  if (config.mode === 'demo') log.info({ shifts: await seedDemoRoster(db, new Date()) }, 'demo: duty roster');
  const app = await createApp({ config, db, city, auth, log, mqttStatus });
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;

  mqtt = config.mqttUrl ? startMqttIngest({ url: config.mqttUrl, city: config.city, ingest: app.ingest, log }) : null;
  // A fresh demo: the simulator plays the last hours live and the history back-fill the 90
  // days before them; a restart: the simulator fills the time it was down, and an unfinished
  // history resumes (server/src/demo/backfill-window.ts, history-backfill.ts).
  const plan = config.simulate ? await demoPlan(db, new Date()) : null;
  const simCity = config.simulate ? await loadSimCity(config.city) : null;
  const sim = simCity
    ? await startSimulator({
        url: `http://127.0.0.1:${port}`,
        key: DEMO_INGEST_KEY,
        scenario: 'normal',
        speed: config.simulateSpeed,
        city: simCity,
        seed: Date.now() % 1e9,
        backfillHours: plan!.simulatorHours,
        historyHours: plan!.readingHours,
        log,
      })
    : null;
  if (sim) log.info({ backfillHours: Math.round(plan!.simulatorHours * 100) / 100, readingHours: plan!.readingHours }, 'demo: simulator back-filling');
  let stopping = false;
  const history = simCity
    ? runHistoryBackfill({ db, url: `http://127.0.0.1:${port}`, key: DEMO_INGEST_KEY, city: simCity, log, now: plan!.historyEnd, stopping: () => stopping })
        .then((run) => run && log.info(run, run.finished ? 'demo back-fill: done' : 'demo back-fill: stopped; resumes on the next start'))
        // Then the history's open cases go on being handled (server/src/demo/history-tail.ts).
        .then(() => (stopping ? null : startHistoryTail({ db, url: `http://127.0.0.1:${port}`, key: DEMO_INGEST_KEY, city: simCity, log })))
        .catch((err: unknown) => {
          log.error({ err }, 'demo back-fill: failed; resumes on the next start');
          return null;
        })
    : null;

  const lines = [
    `City Cockpit (${city.manifest.name} ${city.manifest.adcode}) on ${base}`,
    `  screens:  ${base}/   live: ${base}/live (Socket.IO)   health: ${base}/healthz   metrics: ${base}/metrics`,
    `  storage:  ${db.engine}${config.databaseUrl ? '' : ` in ${config.dataDir}`}${config.redisUrl ? '   fan-out: Redis' : ''}${mqtt ? '   MQTT: on' : ''}`,
  ];
  if (config.mode === 'demo') {
    lines.push(`  demo accounts: leader, duty, duty2, grid (${city.manifest.districts[0]!.name}), admin — password "${DEMO_PASSWORD}"`);
    lines.push(`  demo ingest key: ${DEMO_INGEST_KEY}${sim ? '   simulator: running (scenario normal)' : ''}`);
  }
  console.log(lines.join('\n'));

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await sim?.stop();
    await (await history)?.stop();
    await mqtt?.close();
    await app.close();
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
    await db.close();
    clearTimeout(force);
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  // Some settings can only be checked against the database (e.g. the first admin account).
  if (err instanceof ConfigError) console.error(`${err.message}\nThe server refuses to start; see README.md "Configuration".`);
  else console.error(err);
  process.exit(1);
});
