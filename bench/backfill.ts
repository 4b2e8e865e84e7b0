/**
 * The demo's 90-day history back-fill (issue 12): a fresh `server/src/main.ts` in demo mode
 * on an empty on-disk data folder, timed from the back-fill's first line to its last, while
 * a probe checks the server stays usable (health, sign-in, the wall's first reads).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { removeTempDir, tempDir } from './lib/cleanup.js';
import { sleep } from './lib/clock.js';
import type { TargetRow } from './report.js';

export interface BackfillOptions {
  /** Port of the server; 0 picks a free one. */
  port: number;
  /** Give up after this many seconds of back-fill. */
  timeoutS: number;
}

/** Latencies of one probed request while the back-fill ran. */
export interface ProbeFigures {
  count: number;
  failures: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface BackfillResult {
  finished: boolean;
  days: number;
  cases: number;
  /** From the back-fill's first line to its "done" line. */
  seconds: number;
  casesPerSecond: number;
  /** From spawning the server to its back-fill's first line (migrations, city pack, sign-in set-up). */
  startupS: number;
  probes: Record<'healthz' | 'login' | 'wallReads', ProbeFigures>;
}

const TARGET_S = 120;
/** What "usable" means here: a person waits at most this long for a sign-in or the wall's first reads. */
const USABLE_P99_MS = 2000;
const root = fileURLToPath(new URL('..', import.meta.url));

function figures(samples: number[], failures: number): ProbeFigures {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
  return { count: s.length, failures, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: Math.round(s[s.length - 1] ?? 0) };
}

/** Times one request every second until `done`; a non-2xx or a network error is a failure. */
async function probe(request: () => Promise<Response>, done: () => boolean): Promise<ProbeFigures> {
  const samples: number[] = [];
  let failures = 0;
  while (!done()) {
    const t = performance.now();
    try {
      const res = await request();
      await res.arrayBuffer();
      if (res.ok) samples.push(performance.now() - t);
      else failures++;
    } catch {
      failures++;
    }
    await sleep(1000);
  }
  return figures(samples, failures);
}

export async function runBackfill(opts: BackfillOptions, log: (line: string) => void): Promise<BackfillResult> {
  const dataDir = tempDir('cockpit-backfill-');
  const spawned = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(opts.port), DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let url = '';
  let began = 0;
  let run: { days: number; cases: number; finished: boolean } | null = null;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const port = /on http:\/\/localhost:(\d+)/.exec(line)?.[1];
    if (port) url = `http://127.0.0.1:${port}`;
    if (!line.startsWith('{')) return;
    const entry = JSON.parse(line) as { msg?: string; days?: number; cases?: number; finished?: boolean };
    if (entry.msg === 'demo back-fill: sending the history') began = Date.now();
    if (entry.msg?.startsWith('demo back-fill: ') && entry.msg.includes('/')) log(`backfill: ${entry.msg}`);
    if (entry.msg === 'demo back-fill: done') run = { days: entry.days ?? 0, cases: entry.cases ?? 0, finished: entry.finished ?? false };
  });
  const deadline = Date.now() + opts.timeoutS * 1000;
  while (!began && Date.now() < deadline && child.exitCode === null) await sleep(100);
  const done = () => run !== null || Date.now() > deadline || child.exitCode !== null;
  const login = () => fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'leader', password: 'demo' }) });
  const token = ((await (await login()).json()) as { token: string }).token;
  const auth = { headers: { authorization: `Bearer ${token}` } };
  const wallReads = async () => {
    const [a, b] = await Promise.all([fetch(`${url}/api/v1/kpi`, auth), fetch(`${url}/api/v1/stats/case-trend`, auth)]);
    await a.arrayBuffer();
    return b.ok && a.ok ? b : new Response(null, { status: a.ok ? b.status : a.status });
  };
  const [healthz, signIn, reads] = await Promise.all([probe(() => fetch(`${url}/healthz`), done), probe(login, done), probe(wallReads, done)]);
  const ended = Date.now();
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  removeTempDir(dataDir);
  const r = run as { days: number; cases: number; finished: boolean } | null;
  const seconds = Math.round((ended - began) / 100) / 10;
  return {
    finished: r?.finished ?? false,
    days: r?.days ?? 0,
    cases: r?.cases ?? 0,
    seconds,
    casesPerSecond: r ? Math.round(r.cases / seconds) : 0,
    startupS: Math.round((began - spawned) / 100) / 10,
    probes: { healthz, login: signIn, wallReads: reads },
  };
}

/** The verdict rows of the back-fill. */
export function backfillRows(r: BackfillResult | null): TargetRow[] {
  if (!r) return [];
  const p = r.probes;
  return [
    {
      metric: 'Demo 90-day history back-fill (fresh on-disk PGlite)',
      target: `< ${TARGET_S} s`,
      measured: r.finished ? `${r.seconds} s (${r.days} days, ${r.cases.toLocaleString('en-US')} cases, ${r.casesPerSecond}/s)` : `not finished in ${r.seconds} s`,
      verdict: r.finished && r.seconds < TARGET_S ? 'PASS' : 'FAIL',
    },
    {
      metric: 'Server usable during the back-fill (health · sign-in · wall reads, p99)',
      target: `every answer, p99 < ${USABLE_P99_MS} ms`,
      measured: `${p.healthz.p99Ms} · ${p.login.p99Ms} · ${p.wallReads.p99Ms} ms; failures ${p.healthz.failures + p.login.failures + p.wallReads.failures}`,
      verdict: p.healthz.failures + p.login.failures + p.wallReads.failures === 0 && p.login.count > 0 && Math.max(p.healthz.p99Ms, p.login.p99Ms, p.wallReads.p99Ms) < USABLE_P99_MS ? 'PASS' : 'FAIL',
    },
  ];
}
