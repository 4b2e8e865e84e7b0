import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openDb, type Db } from '../../server/src/store/db.js';
import { migrate } from '../../server/src/store/migrate.js';

const MIGRATIONS = fileURLToPath(new URL('../../server/src/store/migrations/', import.meta.url));

/**
 * Where the migrated template lives: one file per PGlite version and set of migrations, in the
 * system temp folder, so every test file — and the next run — loads it instead of running
 * initdb and the migrations again (initdb alone takes seconds, tens of seconds under load).
 */
export function templatePath(kind: 'tar' | 'dir' = 'tar'): string {
  const hash = createHash('sha256');
  const pkg = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  hash.update(readFileSync(path.join(path.dirname(pkg), '../package.json')));
  for (const f of readdirSync(MIGRATIONS).sort()) hash.update(f).update(readFileSync(path.join(MIGRATIONS, f)));
  return path.join(os.tmpdir(), `cockpit-pglite-template-${hash.digest('hex').slice(0, 16)}${kind === 'tar' ? '.tar' : ''}`);
}

/** Runs initdb and every migration once in this thread, and writes the dumped data dir to `file`. */
async function buildTemplate(file: string): Promise<void> {
  const lite = await PGlite.create();
  const db: Db = {
    engine: 'pglite',
    query: (sql, params) => lite.query(sql, params) as never,
    exec: async (sql) => void (await lite.exec(sql)),
    transaction: (fn) => lite.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params) as never })),
    close: () => lite.close(),
  };
  await migrate(db);
  const dump = new Uint8Array(await (await lite.dumpDataDir('none')).arrayBuffer());
  await lite.close();
  // Written aside and renamed: a parallel worker never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, dump);
  renameSync(tmp, file);
}

let cached: Promise<Uint8Array> | undefined;

/** The migrated PGlite data dir (a tarball), built on first use and then read from disk. */
export function pgliteTemplate(): Promise<Uint8Array> {
  cached ??= (async () => {
    const file = templatePath();
    if (!existsSync(file)) await buildTemplate(file);
    return readFileSync(file);
  })();
  return cached;
}

/**
 * A server data directory whose embedded database is migrated: `server/src/main.ts` over a
 * copy of it skips initdb and the migrations. Built once per set of migrations, like the tarball.
 */
export async function migratedDataDir(): Promise<string> {
  const dir = templatePath('dir');
  if (existsSync(dir)) return dir;
  const tmp = mkdtempSync(`${dir}.building-`);
  const db = await openDb({ dataDir: tmp });
  await migrate(db);
  await db.close();
  try {
    renameSync(tmp, dir);
  } catch (err) {
    // Another process finished first: use its copy.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir)) throw err;
  }
  return dir;
}

/** Fills the empty data directory `dataDir` with a copy of {@link migratedDataDir}. */
export async function seedDataDir(dataDir: string): Promise<void> {
  cpSync(await migratedDataDir(), dataDir, { recursive: true });
}
