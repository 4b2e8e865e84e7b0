import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Db, Queryable } from './db.js';
import { DbTimeoutError } from './deadline.js';
import { PGLITE_MEMORY_DEFAULTS, pgliteMemoryParams, type PgliteMemory } from './pglite-memory.js';

type Op = 'query' | 'begin' | 'commit' | 'rollback' | 'exec' | 'close';
type WorkerReply = { id: number; ok: true; result: { rows: unknown[] } | null } | { id: number; ok: false; error: Record<string, unknown> & { message: string } };

/** Runs initdb for a new data folder in a child process (see pglite-init.mjs). */
async function initialise(pgDir: string, params: string[]): Promise<void> {
  const script = fileURLToPath(new URL('./pglite-init.mjs', import.meta.url));
  try {
    await promisify(execFile)(process.execPath, [script, pgDir, ...params], { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`initialising the embedded database in ${pgDir} failed: ${e.stderr?.trim() || e.message}`, { cause: err });
  }
}

/**
 * PGlite in a worker thread (see pglite.worker.mjs). PGlite is one connection, so callers
 * take turns: a statement holds the turn only while it is posted, a transaction from its
 * `begin` until it posts `commit`. Posting never waits for answers — the worker runs
 * messages in order — so the next transaction's statements queue up behind a commit and
 * the database thread keeps working while the main thread handles the answers.
 */
export async function openPglite(dataDir: string, opts: { timeoutMs?: number; memory?: PgliteMemory; template?: Uint8Array } = {}): Promise<Db> {
  const timeoutMs = opts.timeoutMs ?? 0;
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pgDir = inMemory ? null : path.resolve(dataDir, 'pg');
  const params = pgliteMemoryParams(opts.memory ?? PGLITE_MEMORY_DEFAULTS);
  const template = opts.template ?? null;
  if (pgDir && !template && !existsSync(path.join(pgDir, 'PG_VERSION'))) await initialise(pgDir, params);
  const worker = new Worker(new URL('./pglite.worker.mjs', import.meta.url), { workerData: { dataDir: pgDir, params, template } });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failed: Error | null = null;
  worker.on('message', (m: WorkerReply) => {
    const call = pending.get(m.id);
    pending.delete(m.id);
    if (!call) return;
    if (m.ok) call.resolve(m.result);
    else call.reject(Object.assign(new Error(m.error.message), m.error));
  });
  const fail = (err: Error) => {
    failed = err;
    for (const call of pending.values()) call.reject(err);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the database thread exited (${code})`)));

  /**
   * Posts one message; with a deadline the caller stops waiting after `deadlineMs` (the
   * worker still runs it in turn, and its late answer is dropped).
   */
  const post = <T>(op: Op, sql?: string, params?: unknown[], blob?: Uint8Array, deadlineMs = 0): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = deadlineMs
        ? setTimeout(() => {
            pending.delete(id);
            reject(new DbTimeoutError(`${op}: no answer from the embedded database within ${deadlineMs} ms`));
          }, deadlineMs)
        : undefined;
      const settle =
        <A>(fn: (a: A) => void) =>
        (a: A) => {
          clearTimeout(timer);
          fn(a);
        };
      pending.set(id, { resolve: settle(resolve as (v: unknown) => void), reject: settle(reject) });
      try {
        worker.postMessage({ id, op, sql, params, blob });
      } catch (err) {
        // e.g. a parameter that cannot be cloned: the worker answers with the error and
        // fails the open transaction, as if the statement had failed there.
        worker.postMessage({ id, op: 'fail', sql: String(err) });
      }
    });
  };

  let tail: Promise<void> = Promise.resolve();
  /**
   * Resolves with a `release` once every earlier holder released the connection. Past
   * `deadlineMs` it rejects instead; the turn is then given back as soon as it comes.
   */
  const takeTurn = (deadlineMs = 0): Promise<() => void> => {
    const before = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    let expired = false;
    const turn = before.then(() => {
      if (expired) release();
      return release;
    });
    if (!deadlineMs) return turn;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(new DbTimeoutError(`the embedded database stayed busy for ${deadlineMs} ms`));
      }, deadlineMs);
    });
    return Promise.race([turn, timeout]).finally(() => clearTimeout(timer));
  };
  const alone = async <T>(op: Op, sql?: string, params?: unknown[], deadlineMs = timeoutMs): Promise<T> => {
    const release = await takeTurn(deadlineMs);
    const answer = post<T>(op, sql, params, undefined, deadlineMs);
    release();
    return answer;
  };
  const copyCsv = (target: string, csv: string, deadlineMs: number) => post<void>('query', `copy ${target} from '/dev/blob' with (format csv)`, [], new TextEncoder().encode(csv), deadlineMs);

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>, topts?: { untimed?: boolean }): Promise<T> {
    const deadlineMs = topts?.untimed ? 0 : timeoutMs;
    const release = await takeTurn(deadlineMs);
    const statements: Promise<unknown>[] = [];
    const track = <R>(p: Promise<R>): Promise<R> => {
      statements.push(p);
      p.catch(() => undefined); // reported through `fn` or the commit below
      return p;
    };
    let ended = false;
    const end = (op: 'commit' | 'rollback') => {
      ended = true;
      const answer = post<void>(op, undefined, undefined, undefined, deadlineMs);
      release();
      return answer;
    };
    // After `commit` is posted the connection is someone else's: a late statement must fail, not run there.
    const inside = <R>(send: () => Promise<R>): Promise<R> => (ended ? Promise.reject(new Error('the transaction has ended')) : track(send()));
    void track(post('begin'));
    try {
      const out = await fn({
        query: (sql, params) => inside(() => post('query', sql, params, undefined, deadlineMs)),
        copyCsv: (target, csv) => inside(() => copyCsv(target, csv, deadlineMs)),
      });
      const commit = end('commit');
      commit.catch(() => undefined);
      // A statement that failed makes the worker roll back instead of committing; its own
      // error says more than the commit's, so it is the one thrown.
      await Promise.all(statements);
      await commit;
      return out;
    } catch (err) {
      if (!ended) end('rollback').catch(() => undefined);
      throw err;
    }
  }

  return {
    engine: 'pglite',
    query: (sql, params) => alone('query', sql, params),
    transaction,
    exec: (sql) => alone<void>('exec', sql, undefined, 0),
    close: async () => {
      if (!failed) await alone('close', undefined, undefined, 0);
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
