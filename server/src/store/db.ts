import pg from 'pg';
import { openPglite } from './pglite.js';
import { asDbTimeout } from './deadline.js';
import type { PgliteMemory } from './pglite-memory.js';

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
   * rolls back and rejects with that statement's error. `untimed` lifts the statement
   * deadline, for migrations only.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: { untimed?: boolean }): Promise<T>;
  /** Runs several statements (no parameters), e.g. a migration file. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Where the database is and how long it may take. */
export interface DbOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Deadline of one statement, ms (`DB_TIMEOUT_MS`); absent or 0 = none (tools, migrations). */
  timeoutMs?: number;
  /** How long to wait for a PostgreSQL connection, ms (`DB_CONNECT_TIMEOUT_MS`). */
  connectTimeoutMs?: number;
  /** The embedded database's memory settings (`PGLITE_*_MB`); absent = the defaults. */
  pgliteMemory?: PgliteMemory;
  /**
   * Test seam, PGlite only: a data directory dumped with PGlite's `dumpDataDir` to start from
   * instead of running initdb (seconds per boot); tests pass an already migrated one.
   */
  template?: Uint8Array;
}

/** Opens the database `DATABASE_URL` names, or PGlite in `dataDir` (`memory://` for tests). */
export async function openDb(opts: DbOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts);
  return openPglite(opts.dataDir, { timeoutMs: opts.timeoutMs, memory: opts.pgliteMemory, template: opts.template });
}

async function openPostgres(opts: DbOptions): Promise<Db> {
  const timeoutMs = opts.timeoutMs ?? 0;
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 0,
    // The server cancels a statement past the deadline (a lock held elsewhere, a slow plan)…
    statement_timeout: timeoutMs,
    // …and the client stops waiting for a server that does not answer at all (frozen, partitioned).
    query_timeout: timeoutMs ? timeoutMs + 1000 : undefined,
  });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  const timed = <T>(work: () => Promise<T>): Promise<T> => work().catch((err: unknown) => Promise.reject(asDbTimeout(err)));
  await pool.query('select 1');
  return {
    engine: 'postgres',
    query: (sql, params) => timed(() => pool.query(sql, params as unknown[]) as never),
    async transaction(fn, topts) {
      const client = await timed(() => pool.connect());
      const untimed = topts?.untimed ?? false;
      // node-postgres reads a per-query 0 as "use the pool's", so untimed is the longest timer Node allows.
      const run = (text: string, values?: unknown[]) => timed(() => client.query(untimed ? ({ text, values, query_timeout: 0x7fffffff } as pg.QueryConfig) : { text, values }) as never);
      try {
        await run('begin');
        if (untimed) await run('set local statement_timeout = 0');
        const out = await fn({ query: (s, p) => run(s, p) as never });
        await run('commit');
        return out;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => void (await timed(() => pool.query(sql))),
    close: () => pool.end(),
  };
}
