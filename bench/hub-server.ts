/**
 * Bench child: the real City Cockpit server (createApp) on an on-disk PGlite in
 * BENCH_DATA_DIR — or, for comparison only, in a throw-away schema of the PostgreSQL at
 * BENCH_DATABASE_URL (or the kept schema BENCH_SCHEMA names) — demo auth, listening on
 * 127.0.0.1 port 0. BENCH_KEEP_DATA=1 leaves the data folder (and a named schema) behind for
 * the next run. Runs in its own process so its RSS and CPU are its own. Driven over IPC by
 * bench/run.ts.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadConfig } from '../server/src/config.js';
import { openDb, type Db } from '../server/src/store/db.js';
import { migrate } from '../server/src/store/migrate.js';
import { loadCityPack } from '../server/src/city/city-pack.js';
import { createAuthService } from '../server/src/auth/auth.service.js';
import { createApp, type App } from '../server/src/app.js';
import { serveRequests, type Request } from './lib/ipc.js';
import { schemaUrl } from './lib/schema-url.js';
import { ResourceSampler } from './lib/resources.js';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
const pgUrl = process.env.BENCH_DATABASE_URL;
const keptSchema = process.env.BENCH_SCHEMA;
const schema = keptSchema ?? `bench_${randomBytes(5).toString('hex')}`;
const keepData = process.env.BENCH_KEEP_DATA === '1';
const flushIntervalMs = process.env.BENCH_FLUSH_MS ? Number(process.env.BENCH_FLUSH_MS) : undefined;

const sampler = new ResourceSampler();
let db: Db | undefined;
let app: App | undefined;

async function start(): Promise<{ url: string; pid: number; fsync: string; engine: string }> {
  // The bench opens thousands of screens with one account: lift the per-user socket bound.
  // The embedded database's memory settings come through, so a bench can compare them.
  const memory = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('PGLITE_')));
  const config = loadConfig({ ...memory, DATA_DIR: dataDir!, LOG_LEVEL: 'error', SIMULATE: 'false', LIVE_MAX_SOCKETS_PER_USER: '10000' });
  let databaseUrl: string | undefined;
  if (pgUrl) {
    if (!keptSchema) {
      const admin = await openDb({ databaseUrl: pgUrl, dataDir: '' });
      await admin.exec(`create schema ${schema}`);
      await admin.close();
    }
    databaseUrl = schemaUrl(pgUrl, schema);
  }
  db = await openDb({ databaseUrl, dataDir: dataDir!, timeoutMs: config.dbTimeoutMs, connectTimeoutMs: config.dbConnectTimeoutMs, pgliteMemory: config.pgliteMemory });
  await migrate(db);
  const city = await loadCityPack('441700');
  const auth = createAuthService({ db, config, defaultGridDistrict: city.manifest.districts[0]!.adcode });
  await auth.bootstrap();
  app = await createApp({ config, db, city, auth, log: pino({ level: 'error' }), flushIntervalMs });
  await new Promise<void>((resolve) => app!.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  const fsync = String(((await db.query<{ fsync: string }>('show fsync')).rows[0] ?? {}).fsync);
  return { url: `http://127.0.0.1:${port}`, pid: process.pid, fsync, engine: db.engine };
}

serveRequests(
  {
    start,
    stats: (req: Request) => ({ resources: sampler.read(Number(req.start), Number(req.end)), hub: app?.hub.stats() }),
    async count() {
      const q = async (table: string) => Number(((await db!.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0] ?? {}).n);
      return { cases: await q('cases'), observations: await q('observations') };
    },
  },
  async () => {
    sampler.stop();
    if (app) {
      await app.close();
      await new Promise<void>((resolve) => app!.server.close(() => resolve()));
    }
    await db?.close();
    if (keepData) return;
    // Also removed here so a killed orchestrator leaves no database behind.
    rmSync(dataDir, { recursive: true, force: true });
    if (pgUrl && !keptSchema) {
      const admin = await openDb({ databaseUrl: pgUrl, dataDir: '' });
      await admin.exec(`drop schema if exists ${schema} cascade`);
      await admin.close();
    }
  },
);
