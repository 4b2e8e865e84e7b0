import { PGlite } from '@electric-sql/pglite';
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

async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(path.resolve(dataDir), { recursive: true });
  const lite = await PGlite.create(inMemory ? undefined : path.resolve(dataDir, 'pg'));
  // PGlite is one connection: transactions must not interleave with other statements.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };
  return {
    engine: 'pglite',
    query: (sql, params) => serial(() => lite.query(sql, params)) as never,
    transaction: (fn) => serial(() => lite.transaction((tx) => fn({ query: (s, p) => tx.query(s, p) as never }))),
    exec: (sql) => serial(async () => void (await lite.exec(sql))),
    close: () => serial(() => lite.close()),
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
