import pg from 'pg';
import { openPglite } from './pglite.js';

/** The one query surface both engines share: PostgreSQL SQL with `$n` parameters. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /**
   * Bulk-loads CSV rows with `COPY <target> FROM … WITH (format csv)`, `target` being e.g.
   * `cases (id, title)`. Only where it beats an insert statement: in PGlite's transactions.
   */
  copyCsv?(target: string, csv: string): Promise<void>;
}

/** A PostgreSQL-speaking database: PGlite embedded, or a PostgreSQL server. */
export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. PGlite
   * also waits for statements `fn` sent without awaiting them: if one failed, the transaction
   * rolls back and rejects with that statement's error.
   */
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
