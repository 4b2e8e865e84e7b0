import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDb, type Db } from '../../server/src/store/db.js';
import { migrate } from '../../server/src/store/migrate.js';
import { pgliteTemplate } from './pglite-template.js';

/**
 * A migrated database for a test: a fresh in-memory PGlite loaded from the template, or the
 * PostgreSQL schema `databaseUrl` points at, migrated. Use this instead of
 * `openDb({ dataDir: 'memory://' })` + `migrate` — same schema, a fraction of the time.
 */
export async function openTestDb(opts: { databaseUrl?: string; timeoutMs?: number; connectTimeoutMs?: number } = {}): Promise<Db> {
  const template = opts.databaseUrl ? undefined : await pgliteTemplate();
  const db = await openDb({ ...opts, dataDir: 'memory://', template });
  await migrate(db);
  return db;
}

/**
 * Empties every table but the migration record, then puts back the rows the migrations seeded.
 * Append-only tables (a trigger refuses TRUNCATE, e.g. the audit log) keep their rows.
 */
export async function seededReset(db: Db): Promise<() => Promise<void>> {
  const { rows } = await db.query<{ name: string }>(
    `select tablename as name from pg_tables t where schemaname = current_schema() and tablename <> 'schema_migrations'
       and not exists (select 1 from pg_trigger g where g.tgrelid = format('%I.%I', t.schemaname, t.tablename)::regclass and (g.tgtype & 32) <> 0)
     order by 1`,
  );
  const tables = rows.map((r) => r.name);
  const seeds: Array<{ table: string; rows: unknown[] }> = [];
  for (const table of tables) {
    const seeded = (await db.query(`select * from ${table}`)).rows;
    if (seeded.length) seeds.push({ table, rows: seeded });
  }
  return async () => {
    await db.transaction(async (tx) => {
      await tx.query(`truncate ${tables.join(', ')} restart identity cascade`);
      for (const s of seeds) await tx.query(`insert into ${s.table} select * from json_populate_recordset(null::${s.table}, $1::json)`, [JSON.stringify(s.rows)]);
    });
  };
}

/**
 * One migrated database per test file, emptied back to its migrated state before each test:
 * the fast pattern for repository and service tests. Returns a getter for the database.
 */
export function useTestDb(opts: { databaseUrl?: () => string | undefined } = {}): () => Db {
  let db: Db | undefined;
  let reset: () => Promise<void>;
  beforeAll(async () => {
    db = await openTestDb({ databaseUrl: opts.databaseUrl?.() });
    reset = await seededReset(db);
  });
  beforeEach(() => reset());
  afterAll(() => db?.close());
  return () => {
    if (!db) throw new Error('useTestDb: the database is not open (beforeAll failed?)');
    return db;
  };
}
