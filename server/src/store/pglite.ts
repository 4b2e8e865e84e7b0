import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Db, Queryable } from './db.js';

type Op = 'query' | 'begin' | 'commit' | 'rollback' | 'exec' | 'close';
type WorkerReply = { id: number; ok: true; result: { rows: unknown[] } | null } | { id: number; ok: false; error: Record<string, unknown> & { message: string } };

/**
 * PGlite in a worker thread (see pglite.worker.mjs). PGlite is one connection, so callers
 * take turns: a statement holds the turn only while it is posted, a transaction from its
 * `begin` until it posts `commit`. Posting never waits for answers — the worker runs
 * messages in order — so the next transaction's statements queue up behind a commit and
 * the database thread keeps working while the main thread handles the answers.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(path.resolve(dataDir), { recursive: true });
  const worker = new Worker(new URL('./pglite.worker.mjs', import.meta.url), {
    workerData: { dataDir: inMemory ? null : path.resolve(dataDir, 'pg') },
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failed: Error | null = null;
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
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

  const post = <T>(op: Op, sql?: string, params?: unknown[], blob?: Uint8Array): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
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
  /** Resolves with a `release` once every earlier holder released the connection. */
  const takeTurn = (): Promise<() => void> => {
    const before = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    return before.then(() => release);
  };
  const alone = async <T>(op: Op, sql?: string, params?: unknown[]): Promise<T> => {
    const release = await takeTurn();
    const answer = post<T>(op, sql, params);
    release();
    return answer;
  };
  const copyCsv = (target: string, csv: string) =>
    post<void>('query', `copy ${target} from '/dev/blob' with (format csv)`, [], new TextEncoder().encode(csv));

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const release = await takeTurn();
    const statements: Promise<unknown>[] = [];
    const track = <R>(p: Promise<R>): Promise<R> => {
      statements.push(p);
      p.catch(() => undefined); // reported through `fn` or the commit below
      return p;
    };
    let ended = false;
    const end = (op: 'commit' | 'rollback') => {
      ended = true;
      const answer = post<void>(op);
      release();
      return answer;
    };
    // After `commit` is posted the connection is someone else's: a late statement must fail, not run there.
    const inside = <R>(send: () => Promise<R>): Promise<R> => (ended ? Promise.reject(new Error('the transaction has ended')) : track(send()));
    track(post('begin'));
    try {
      const out = await fn({
        query: (sql, params) => inside(() => post('query', sql, params)),
        copyCsv: (target, csv) => inside(() => copyCsv(target, csv)),
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
    exec: (sql) => alone<void>('exec', sql),
    close: async () => {
      if (!failed) await alone('close');
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
