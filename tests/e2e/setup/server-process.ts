import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDataDir } from '../../helpers/pglite-template.js';

/** The repository root (the server resolves `dist/client` and the city packs from it). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The ingest key every demo-mode server accepts. */
export const INGEST_KEY = 'demo-ingest-key';

/** A real `server/src/main.ts` process on a free port over a fresh data dir (migrated, no rows). */
export interface ServerProcess {
  url: string;
  /** POSTs to `/api/v1/ingest/<path>` with the demo key; throws unless the server answers 202. */
  ingest(path: string, body: unknown, contentType?: string): Promise<{ ids: string[] }>;
  /** SIGTERM (SIGKILL after 15 s), then removes the data dir. */
  stop(): Promise<void>;
  /** SIGKILL and remove the data dir at once, for exit handlers (synchronous). */
  kill(): void;
  /** Resolves once the process has exited (after `kill`, before starting another on the same data dir). */
  exited: Promise<void>;
}

export interface ServerOptions {
  /** Run the in-process simulator (the "alive" city) or stay quiet for data the test feeds. */
  simulate: boolean;
  env?: Record<string, string>;
  /** Run the server at this `nice` level (every thread of it, from its start), e.g. 19 for a bench that models the server being on another machine. */
  nice?: number;
  /** A data dir the caller owns (seeded when empty, kept at stop): to start a server again on the same database. */
  dataDir?: string;
}

const MAX_LOG_LINES = 200;
/** How long a server may take to listen: generous, since a machine shared with other work starts it slowly (the demo path back-fills a week). */
const START_TIMEOUT_MS = 180_000;

/**
 * Starts the server as `npm start` does (without the client build), on port 0 so parallel
 * runs never collide, and resolves once it listens and `/readyz` answers 200.
 */
export async function startServer(opts: ServerOptions): Promise<ServerProcess> {
  const owned = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'cockpit-e2e-'));
  // A copy of an already migrated database: the server skips initdb (the slowest part of its start).
  if (owned || readdirSync(dataDir).length === 0) await seedDataDir(dataDir);
  const removeDir = () => owned && rmSync(dataDir, { recursive: true, force: true });
  const args = ['--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(opts.nice ? 'nice' : process.execPath, opts.nice ? ['-n', String(opts.nice), process.execPath, ...args] : args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SIMULATE: opts.simulate ? '1' : '0', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keeper = () => {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      log.push(...lines.filter(Boolean));
      log.splice(0, Math.max(0, log.length - MAX_LOG_LINES));
    };
  };
  child.stdout.on('data', keeper());
  child.stderr.on('data', keeper());
  const stop = () => stopChild(child).finally(removeDir);
  try {
    const port = await listeningPort(child, log);
    const url = `http://127.0.0.1:${port}`;
    await waitReady(url, child);
    const kill = () => {
      child.kill('SIGKILL');
      removeDir();
    };
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return { url, stop, kill, exited, ingest: (p, body, type) => postIngest(url, p, body, type) };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\nserver output:\n${log.slice(-40).join('\n')}`, { cause: err });
  }
}

/** The port from the banner line `City Cockpit (…) on http://localhost:<port>`. */
function listeningPort(child: ChildProcess, log: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start listening within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onData = () => {
      const m = log.map((l) => / on http:\/\/localhost:(\d+)/.exec(l)).find(Boolean);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('/readyz did not answer 200 within 60 s');
}

/** POSTs to `/api/v1/ingest/<p>` of the server at `url` with the demo key; throws unless it answers 202. */
export async function postIngest(url: string, p: string, body: unknown, contentType = 'application/json'): Promise<{ ids: string[] }> {
  const res = await fetch(`${url}/api/v1/ingest/${p}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_KEY}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 202) throw new Error(`ingest ${p}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as { ids: string[] };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(force);
}
