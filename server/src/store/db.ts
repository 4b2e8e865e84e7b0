import { Worker } from 'node:worker_threads';
import pg from 'pg';
import path from 'node:path';
import { mkdirSync } from 'node:fs';

/** The one query surface both engines share: PostgreSQL SQL with `$n` parameters. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** A PostgreSQL-speaking database: PGlite embedded, or a PostgreSQL server. */
export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements (no parameters), e.g. a migration file. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database `DATABASE_URL` names, or PGlite in `dataDir` (`memory://` for tests). */
export async function openDb(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir);
}

type WorkerReply = { id: number; ok: true; result: { rows: unknown[] } | null } | { id: number; ok: false; error: Record<string, unknown> & { message: string } };

/**
 * PGlite in a worker thread (see pglite.worker.mjs). PGlite is one connection: statements
 * are serialised here, and a transaction holds the connection until it ends.
 */
async function openPglite(dataDir: string): Promise<Db> {
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
  const call = <T>(op: 'query' | 'exec' | 'close', sql?: string, params?: unknown[]): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, sql, params });
    });
  };
  const run = (sql: string, params?: unknown[]) => call<{ rows: never[] }>('query', sql, params);
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    engine: 'pglite',
    query: (sql, params) => serial(() => run(sql, params)),
    transaction: (fn) =>
      serial(async () => {
        await run('begin');
        try {
          const out = await fn({ query: (s, p) => run(s, p) });
          await run('commit');
          return out;
        } catch (err) {
          await run('rollback').catch(() => undefined);
          throw err;
        }
      }),
    exec: (sql) => serial(() => call<void>('exec', sql)),
    close: () =>
      serial(async () => {
        if (!failed) await call('close');
        worker.removeAllListeners('exit');
        await worker.terminate();
      }),
  };
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  await pool.query('select 1');
  return {
    engine: 'postgres',
    query: (sql, params) => pool.query(sql, params as unknown[]) as never,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({ query: (s, p) => client.query(s, p as unknown[]) as never });
        await client.query('commit');
        return out;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => void (await pool.query(sql)),
    close: () => pool.end(),
  };
}
