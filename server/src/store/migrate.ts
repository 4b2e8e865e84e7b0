import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Db } from './db.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies `migrations/NNN_name.sql` files not yet applied, in order, each in its own
 * transaction, without the statement deadline. An advisory lock keeps two nodes starting
 * together from racing.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  return db.transaction(
    async (tx) => {
      await tx.query('select pg_advisory_xact_lock(7334211)');
      await tx.query('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
      const done = new Set((await tx.query<{ name: string }>('select name from schema_migrations')).rows.map((r) => r.name));
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        for (const stmt of splitStatements(readFileSync(path.join(dir, file), 'utf8'))) await tx.query(stmt);
        await tx.query('insert into schema_migrations (name) values ($1)', [file]);
        applied.push(file);
      }
      return applied;
    },
    { untimed: true },
  ); // a migration on a large table may rightly take longer than a request
}

/** Splits a migration on `;` at line ends; migrations keep to statements without bodies. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
