/**
 * `npm run bench -- --only memory`: the server's resident memory (RSS) — idle on an empty
 * embedded database, idle on PostgreSQL (with `--database-url`), and on an embedded database
 * holding the bulk case fixture (lib/case-fixture.ts) with live clients connected. The server
 * runs as `npm start` runs it (scripts/server-runtime.json, the engine's default memory settings)
 * without the simulator, in a process of its own (hub-server.ts).
 */
import { ensureCaseFixture } from './lib/case-fixture.js';
import { removeTempDir, tempDir } from './lib/cleanup.js';
import { nowMs, sleep } from './lib/clock.js';
import { login } from './lib/http.js';
import { spawnChild, spawnServer, type Child } from './lib/ipc.js';
import type { ResourceUse } from './lib/resources.js';
import type { TargetRow } from './report.js';
import { openDb } from '../server/src/store/db.js';

export interface MemoryOptions {
  /** Cases of the loaded run (1,000,000; 0 skips it). */
  cases: number;
  /** Live clients of the loaded run (1,000). */
  clients: number;
  clientProcesses: number;
  /** Seconds the server settles (after start-up, or after the clients subscribed) before its RSS is read over 10 s. */
  settleS: number;
  /** PostgreSQL for the comparison run; absent skips it. */
  databaseUrl?: string;
  /** The loaded run's PGlite folder, loaded once and kept (e.g. the grid-scale phase's); else a temp folder, removed. */
  dataDir?: string;
}

export interface MemoryRun {
  /** Mean and peak RSS over the window read once the server settled. */
  rssMiB: number;
  rssPeakMiB: number;
  heapUsedMiB: number;
  /** The peak from the server's start to the end of the window (start-up, clients connecting). */
  peakSinceStartMiB: number;
  /** The peak while `during` ran (the clients connecting and subscribing), and how long it took; null without one. */
  during: { peakMiB: number; seconds: number } | null;
}

export interface MemoryResult {
  idlePglite: MemoryRun;
  idlePostgres: MemoryRun | null;
  /** `timelineRows` and `fixtureS` are null when a kept fixture was reused. */
  loaded: (MemoryRun & { cases: number; timelineRows: number | null; fixtureS: number | null; clients: number; clientsConnected: number }) | null;
}

const TARGETS = { idleMiB: 300, loadedMiB: 600 };
const MIB_PER_MB = 1_000_000 / 1_048_576;

/** Seconds over which a settled server's RSS is read (mean and peak). */
const WINDOW_S = 10;

/**
 * Starts the server on `env`, runs `during`, lets it settle for `settleS` (start-up and what
 * `during` did leave garbage the collectors return within seconds), then reads its memory over
 * {@link WINDOW_S} seconds; also the peak since it started.
 */
async function measure(env: Record<string, string>, settleS: number, during?: (url: string) => Promise<void>): Promise<MemoryRun> {
  const srv = spawnServer(env);
  try {
    const started = nowMs();
    // A new embedded database is initialised first, and a loaded one opened: slow on a busy machine.
    const { url } = await srv.call<{ url: string }>('start', {}, 600_000);
    const duringFrom = nowMs();
    await during?.(url);
    const duringTo = nowMs();
    await sleep(settleS * 1000);
    const from = nowMs();
    await sleep(WINDOW_S * 1000);
    const end = nowMs();
    const { resources } = await srv.call<{ resources: ResourceUse }>('stats', { start: from, end });
    const { resources: all } = await srv.call<{ resources: ResourceUse }>('stats', { start: started, end });
    const { resources: burst } = await srv.call<{ resources: ResourceUse }>('stats', { start: duringFrom, end: duringTo });
    return {
      rssMiB: Math.round(resources.rssMeanMiB),
      rssPeakMiB: Math.round(resources.rssPeakMiB),
      heapUsedMiB: Math.round(resources.heapUsedMiB),
      peakSinceStartMiB: Math.round(all.rssPeakMiB),
      during: during ? { peakMiB: Math.round(burst.rssPeakMiB), seconds: Math.round((duringTo - duringFrom) / 1000) } : null,
    };
  } finally {
    await srv.stop().catch(() => undefined);
  }
}

/** Opens `clients` live `grid` subscribers spread over client processes; returns how many connected. */
async function connectClients(url: string, o: MemoryOptions, children: Child[], log: (msg: string) => void): Promise<number> {
  const token = await login(url);
  const workers = Array.from({ length: o.clientProcesses }, () => spawnChild('client-worker.ts'));
  children.push(...workers);
  const per = Math.ceil(o.clients / o.clientProcesses);
  const opened = await Promise.all(
    workers.map((w, i) => w.call<{ connected: number; failed: number; firstError: string }>('connect', { url, token, mode: 'raw', clients: Math.max(0, Math.min(per, o.clients - i * per)) }, 600_000)),
  );
  const connected = opened.reduce((n, r) => n + r.connected, 0);
  const failures = opened.filter((r) => r.failed).map((r) => `${r.failed} failed: ${r.firstError}`);
  log(`  ${connected}/${o.clients} clients subscribed to grid${failures.length ? ` (${failures.join('; ')})` : ''}`);
  return connected;
}

export async function runMemory(o: MemoryOptions, log: (msg: string) => void): Promise<MemoryResult> {
  const emptyDir = tempDir('cockpit-bench-memory-');
  const idlePglite = await measure({ BENCH_DATA_DIR: emptyDir }, o.settleS);
  removeTempDir(emptyDir);
  log(`  idle, empty embedded database: ${idlePglite.rssMiB} MiB RSS (peak ${idlePglite.rssPeakMiB}; ${idlePglite.peakSinceStartMiB} since start)`);
  let idlePostgres: MemoryRun | null = null;
  if (o.databaseUrl) {
    const dir = tempDir('cockpit-bench-memory-pg-');
    idlePostgres = await measure({ BENCH_DATA_DIR: dir, BENCH_DATABASE_URL: o.databaseUrl }, o.settleS);
    removeTempDir(dir);
    log(`  idle, PostgreSQL: ${idlePostgres.rssMiB} MiB RSS (peak ${idlePostgres.rssPeakMiB}; ${idlePostgres.peakSinceStartMiB} since start)`);
  }
  if (o.cases <= 0) return { idlePglite, idlePostgres, loaded: null };

  const dir = o.dataDir ?? tempDir('cockpit-bench-memory-loaded-');
  const db = await openDb({ dataDir: dir });
  const fixture = await ensureCaseFixture(db, o.cases, log).finally(() => db.close());
  const children: Child[] = [];
  let clientsConnected = 0;
  try {
    const run = await measure({ BENCH_DATA_DIR: dir, BENCH_KEEP_DATA: o.dataDir ? '1' : '0' }, o.settleS, async (url) => {
      clientsConnected = await connectClients(url, o, children, log);
    });
    log(
      `  ${o.cases} cases, ${clientsConnected} clients: ${run.rssMiB} MiB RSS (peak ${run.rssPeakMiB}; ${run.peakSinceStartMiB} since start; ${run.during!.peakMiB} while they subscribed, ${run.during!.seconds} s)`,
    );
    return { idlePglite, idlePostgres, loaded: { ...run, cases: o.cases, timelineRows: fixture.timelineRows, fixtureS: fixture.loadS, clients: o.clients, clientsConnected } };
  } finally {
    await Promise.all(children.map((c) => c.stop().catch(() => undefined)));
    if (!o.dataDir) removeTempDir(dir);
  }
}

/** The verdict rows: the targets are in MB (issue 12), the figures in MiB. */
export function memoryRows(r: MemoryResult | null): TargetRow[] {
  if (!r) return [];
  const verdict = (peakMiB: number | undefined, limitMb: number, judged: boolean) => (peakMiB === undefined || !judged ? 'n/a' : peakMiB < limitMb * MIB_PER_MB ? 'PASS' : 'FAIL');
  const target = (limitMb: number) => `< ${limitMb} MB (${Math.round(limitMb * MIB_PER_MB)} MiB)`;
  const row = (metric: string, limitMb: number, run: MemoryRun | null, judged = true): TargetRow => ({
    metric,
    target: target(limitMb),
    measured: run ? `${run.rssMiB} MiB (peak ${run.rssPeakMiB}; ${run.peakSinceStartMiB} since start)` : 'not run',
    verdict: verdict(run?.rssPeakMiB, limitMb, judged),
  });
  const loaded = r.loaded;
  const full = !!loaded && loaded.cases >= 1_000_000 && loaded.clientsConnected >= 1000;
  const clients = loaded ? `${loaded.clientsConnected}/${loaded.clients}` : '—';
  return [
    row('Server RSS idle, empty embedded database', TARGETS.idleMiB, r.idlePglite),
    row('Server RSS idle, PostgreSQL (comparison)', TARGETS.idleMiB, r.idlePostgres, false),
    row(`Server RSS, embedded database with ${loaded ? loaded.cases.toLocaleString('en-US') : '—'} cases, ${clients} clients`, TARGETS.loadedMiB, loaded, full),
    {
      metric: `Server RSS peak while the ${clients} clients connect and subscribe at once`,
      target: target(TARGETS.loadedMiB),
      measured: loaded?.during ? `${loaded.during.peakMiB} MiB (over ${loaded.during.seconds} s)` : 'not run',
      verdict: verdict(loaded?.during?.peakMiB, TARGETS.loadedMiB, full),
    },
  ];
}
