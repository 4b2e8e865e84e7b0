/**
 * `npm run bench -- --only grid-scale`: the grid administrator's reads with a large history
 * (issue 12: 1,000,000 stored cases; a 30-day heatmap of one district ≤ 300 ms, a month's
 * evaluation by department ≤ 500 ms), on the embedded database and — with `--database-url` —
 * on PostgreSQL. The bulk case fixture (lib/case-fixture.ts: cases over 400 days and their
 * rollups) is loaded straight into the database, then the real server starts on it (its own
 * process, hub-server.ts) and both reads are timed over HTTP with a signed-in token: the first
 * answer after the start (cold), then `runs` more of each, alternating (warm, p50/p95).
 * `--grid-data <dir>` / `--grid-schema <name>` keep the loaded fixture for the next run.
 */
import { existsSync } from 'node:fs';
import { ensureCaseFixture } from './lib/case-fixture.js';
import { removeTempDir, tempDir } from './lib/cleanup.js';
import { login } from './lib/http.js';
import { spawnServer } from './lib/ipc.js';
import { schemaUrl } from './lib/schema-url.js';
import type { TargetRow } from './report.js';
import { loadCityPack } from '../server/src/city/city-pack.js';
import { openDb } from '../server/src/store/db.js';

export interface GridScaleOptions {
  /** Cases of the fixture (1,000,000). */
  cases: number;
  /** Warm answers timed per read (20). */
  runs: number;
  /** PostgreSQL for the second run; absent skips it. */
  databaseUrl?: string;
  /** Which of the two runs (both). */
  engines: ReadonlyArray<'pglite' | 'postgres'>;
  /** A PGlite data folder to load once and keep (else a temp folder, removed). */
  dataDir?: string;
  /** A PostgreSQL schema to load once and keep (else a throw-away one). */
  schema?: string;
}

export interface ReadTimes {
  coldMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Rows (cells or departments) in the answer. */
  rows: number;
}

export interface GridScaleRun {
  engine: 'pglite' | 'postgres';
  cases: number;
  rollupRows: number;
  /** Seconds the fixture took to load, null when a kept one was reused. */
  loadS: number | null;
  district: string;
  heatmap: ReadTimes;
  evaluation: ReadTimes;
}

const TARGETS = { heatmapMs: 300, evaluationMs: 500 };
const DAY_MS = 86_400_000;
/** The city's local time (UTC+8): a month starts at local midnight. */
const LOCAL_OFFSET_MS = 8 * 3_600_000;

/** The local calendar month before the one `at` falls in, as an ISO `[from, to)`. */
function previousMonth(at: Date): { from: string; to: string } {
  const local = new Date(at.getTime() + LOCAL_OFFSET_MS);
  const start = (y: number, m: number) => new Date(Date.UTC(y, m, 1) - LOCAL_OFFSET_MS).toISOString();
  return { from: start(local.getUTCFullYear(), local.getUTCMonth() - 1), to: start(local.getUTCFullYear(), local.getUTCMonth()) };
}

/** One GET with the token: its wall time and the rows (cells or groups) it answered. */
async function timed(url: string, token: string, path: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { cells?: unknown[]; rows?: unknown[] };
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`grid-scale: GET ${path}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, rows: (body.cells ?? body.rows ?? []).length };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
function summary(cold: { ms: number; rows: number }, warm: number[]): ReadTimes {
  const s = [...warm].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { coldMs: r(cold.ms), p50Ms: r(quantile(s, 0.5)), p95Ms: r(quantile(s, 0.95)), maxMs: r(s.at(-1)!), rows: cold.rows };
}

/** One engine: the fixture in place, the server started on it, both reads timed. */
async function runOne(engine: 'pglite' | 'postgres', o: GridScaleOptions, log: (msg: string) => void): Promise<GridScaleRun> {
  const keep = engine === 'pglite' ? !!o.dataDir : !!o.schema;
  const dataDir = engine === 'pglite' && o.dataDir ? o.dataDir : tempDir('cockpit-bench-grid-');
  const schema = o.schema ?? `bench_grid_${Date.now().toString(36)}`;
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const admin = await openDb({ databaseUrl: o.databaseUrl, dataDir: '' });
    await admin.exec(`create schema if not exists ${schema}`);
    await admin.close();
    databaseUrl = schemaUrl(o.databaseUrl!, schema);
  }
  const dropSchema = async () => {
    const admin = await openDb({ databaseUrl: o.databaseUrl, dataDir: '' });
    await admin.exec(`drop schema if exists ${schema} cascade`);
    await admin.close();
  };
  if (engine === 'pglite' && keep && existsSync(dataDir)) log(`  data folder ${dataDir}`);
  const db = await openDb({ databaseUrl, dataDir });
  let fixture: Awaited<ReturnType<typeof ensureCaseFixture>>;
  try {
    fixture = await ensureCaseFixture(db, o.cases, log);
  } finally {
    await db.close();
  }
  const srv = spawnServer({
    BENCH_DATA_DIR: dataDir,
    BENCH_KEEP_DATA: keep ? '1' : '0',
    ...(engine === 'postgres' ? { BENCH_DATABASE_URL: o.databaseUrl!, BENCH_SCHEMA: schema } : {}),
  });
  try {
    const { url } = await srv.call<{ url: string }>('start', {}, 600_000);
    const token = await login(url);
    const district = (await loadCityPack('441700')).manifest.districts[0]!.adcode; // the grid administrator's
    const to = fixture.to;
    const heatmapPath = `/api/v1/heatmap?district=${district}&metric=count&resolution=8&from=${new Date(to.getTime() - 30 * DAY_MS).toISOString()}&to=${to.toISOString()}`;
    const month = previousMonth(to);
    const evaluationPath = `/api/v1/evaluation?by=department&from=${month.from}&to=${month.to}`;
    const coldHeatmap = await timed(url, token, heatmapPath);
    const coldEvaluation = await timed(url, token, evaluationPath);
    const warm = { heatmap: [] as number[], evaluation: [] as number[] };
    for (let i = 0; i < o.runs; i++) {
      warm.heatmap.push((await timed(url, token, heatmapPath)).ms);
      warm.evaluation.push((await timed(url, token, evaluationPath)).ms);
    }
    const run: GridScaleRun = {
      engine,
      cases: o.cases,
      rollupRows: fixture.rollupRows,
      loadS: fixture.loadS,
      district,
      heatmap: summary(coldHeatmap, warm.heatmap),
      evaluation: summary(coldEvaluation, warm.evaluation),
    };
    const line = (t: ReadTimes) => `cold ${t.coldMs} ms, warm p50 ${t.p50Ms} / p95 ${t.p95Ms} / max ${t.maxMs} ms, ${t.rows} rows`;
    log(`  ${engine}: heatmap of ${district}, 30 days, resolution 8: ${line(run.heatmap)}`);
    log(`  ${engine}: evaluation by department, ${month.from.slice(0, 10)}…: ${line(run.evaluation)}`);
    return run;
  } finally {
    await srv.stop().catch(() => undefined);
    if (!keep) {
      if (engine === 'pglite') removeTempDir(dataDir);
      else await dropSchema();
    }
  }
}

export async function runGridScale(o: GridScaleOptions, log: (msg: string) => void): Promise<GridScaleRun[]> {
  const runs: GridScaleRun[] = [];
  if (o.engines.includes('pglite')) runs.push(await runOne('pglite', o, log));
  if (o.databaseUrl && o.engines.includes('postgres')) runs.push(await runOne('postgres', o, log));
  return runs;
}

/** The verdict rows: judged on the warm p95, with 1,000,000 cases or more. */
export function gridScaleRows(runs: GridScaleRun[] | null): TargetRow[] {
  return (runs ?? []).flatMap((r) => {
    const judged = r.cases >= 1_000_000;
    const name = r.engine === 'pglite' ? 'embedded database' : 'PostgreSQL';
    const row = (metric: string, limit: number, t: ReadTimes): TargetRow => ({
      metric: `${metric}, ${r.cases.toLocaleString('en-US')} cases, ${name} (warm p95; cold)`,
      target: `≤ ${limit} ms`,
      measured: `${t.p95Ms} ms; cold ${t.coldMs} ms`,
      verdict: !judged ? 'n/a' : t.p95Ms <= limit ? 'PASS' : 'FAIL',
    });
    return [row('Heatmap of one district, 30 days', TARGETS.heatmapMs, r.heatmap), row("A month's evaluation by department", TARGETS.evaluationMs, r.evaluation)];
  });
}
