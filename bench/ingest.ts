import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { removeTempDir, tempDir } from './lib/cleanup.js';
import { nowMs } from './lib/clock.js';
import { Histogram } from './lib/histogram.js';
import { postIngest } from './lib/http.js';
import { spawnServer, type Child } from './lib/ipc.js';
import { gridEventFactory, observationFactory } from './lib/payloads.js';
import type { ResourceUse } from './lib/resources.js';
import { openDb } from '../server/src/store/db.js';

/** Knobs of the durable ingest run. */
export interface IngestOptions {
  gridEvents: number;
  observations: number;
  batch: number;
  concurrency: number;
  /** A PostgreSQL to compare with (a throw-away schema); default: on-disk PGlite as deployed. */
  databaseUrl?: string;
}

/** One endpoint's figures. */
export interface EndpointResult {
  endpoint: string;
  items: number;
  accepted: number;
  failedRequests: number;
  seconds: number;
  itemsPerS: number;
  requestMs: { p50: number | null; p99: number | null };
  server: ResourceUse;
}

export interface IngestResult {
  grid: EndpointResult;
  observations: EndpointResult | null;
  /** Events sent before the clock started (stored too). */
  warmupEvents: number;
  /** Rows the server's database holds afterwards: every 202 must be there. */
  stored: { cases: number; observations: number };
  /** Cases found after the server was SIGKILLed right after its last 202 and the data dir reopened (PGlite only). */
  afterKill: { cases: number; observations: number } | null;
  engine: string;
  /** The engine's `fsync` setting: what "committed" means on it. */
  fsync: string;
  dataDirMiB: number;
}

/**
 * Durable ingest into the embedded database as deployed: the real server over an on-disk
 * PGlite in a fresh temp dir, `concurrency` keep-alive connections each POSTing pre-built
 * batches back to back. A 202 leaves the server only after the batch's transaction committed.
 */
export async function runIngest(o: IngestOptions, log: (msg: string) => void): Promise<IngestResult> {
  const dataDir = tempDir('cockpit-bench-ingest-');
  const srv = spawnServer({ BENCH_DATA_DIR: dataDir, ...(o.databaseUrl ? { BENCH_DATABASE_URL: o.databaseUrl } : {}) });
  try {
    const { url, fsync, engine } = await srv.call<{ url: string; fsync: string; engine: string }>('start');
    // Bodies are serialized before the clock starts so the load generator costs little CPU.
    const makeGrid = gridEventFactory(`ingest-${Date.now().toString(36)}`, 3);
    const warm = Array.from({ length: 3 }, () => JSON.stringify(makeGrid(o.batch)));
    const gridBodies = Array.from({ length: Math.ceil(o.gridEvents / o.batch) }, () => JSON.stringify(makeGrid(o.batch)));
    const makeObs = observationFactory();
    const obsBodies = Array.from({ length: Math.ceil(o.observations / o.batch) }, () => JSON.stringify(makeObs(o.batch)));

    await runPool(url, 'grid-events', warm, 1, o.batch); // JIT warm-up, not measured
    const grid = await measured(srv, () => runPool(url, 'grid-events', gridBodies, o.concurrency, o.batch));
    log(`  grid-events: ${grid.accepted} accepted in ${grid.seconds} s = ${grid.itemsPerS} events/s`);
    let observations: EndpointResult | null = null;
    if (obsBodies.length) {
      observations = await measured(srv, () => runPool(url, 'observations', obsBodies, o.concurrency, o.batch));
      log(`  observations: ${observations.accepted} accepted in ${observations.seconds} s = ${observations.itemsPerS} /s`);
    }
    const stored = await srv.call<{ cases: number; observations: number }>('count');
    const afterKill = engine === 'pglite' ? await killAndRecount(srv, dataDir) : null;
    if (afterKill) log(`  after SIGKILL and reopening the data dir: ${afterKill.cases} cases, ${afterKill.observations} observations`);
    return { grid, observations, warmupEvents: warm.length * o.batch, stored, afterKill, engine, fsync, dataDirMiB: Math.round(dirBytes(dataDir) / 2 ** 20) };
  } finally {
    await srv.stop().catch(() => undefined);
    removeTempDir(dataDir);
  }
}

/** Runs `fn` and adds what the server process used meanwhile. */
async function measured(srv: Child, fn: () => Promise<Omit<EndpointResult, 'server'>>): Promise<EndpointResult> {
  const start = nowMs();
  const result = await fn();
  const { resources } = await srv.call<{ resources: ResourceUse }>('stats', { start, end: nowMs() });
  return { ...result, server: resources };
}

/** Sends every body over `concurrency` workers, each awaiting its 202 before the next POST. */
async function runPool(url: string, endpoint: string, bodies: string[], concurrency: number, batch = 0): Promise<Omit<EndpointResult, 'server'>> {
  const hist = new Histogram();
  let next = 0;
  let accepted = 0;
  let failed = 0;
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const t = nowMs();
        const status = await postIngest(url, endpoint, body);
        hist.add(nowMs() - t);
        if (status === 202) accepted += batch;
        else failed++;
      }
    }),
  );
  const seconds = (nowMs() - t0) / 1000;
  return {
    endpoint,
    items: bodies.length * batch,
    accepted,
    failedRequests: failed,
    seconds: Math.round(seconds * 100) / 100,
    itemsPerS: Math.round(accepted / seconds),
    requestMs: { p50: hist.quantile(0.5), p99: hist.quantile(0.99) },
  };
}

/** Kills the server without warning and counts what its database kept: acknowledged means stored. */
async function killAndRecount(srv: Child, dataDir: string): Promise<{ cases: number; observations: number }> {
  const exited = new Promise<void>((resolve) => srv.proc.once('exit', () => resolve()));
  srv.proc.kill('SIGKILL');
  await exited;
  const db = await openDb({ dataDir });
  try {
    const count = async (table: string) => Number(((await db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0] ?? {}).n);
    return { cases: await count('cases'), observations: await count('observations') };
  } finally {
    await db.close();
  }
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
}
