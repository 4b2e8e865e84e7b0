/**
 * Recomputes the case rollups (migration 010) exactly from cases and their timelines, in one
 * transaction, against the configured database (DATABASE_URL or DATA_DIR) and city (CITY):
 *
 *   npm run rollups:rebuild
 *
 * The server keeps the rollups itself as cases change; this is for after a restore, a change of
 * the city pack's categories or clocks, or a doubt. Stop the server first on the embedded
 * database (one process owns its data folder).
 */
import { pathToFileURL } from 'node:url';
import { loadCityPack } from '../server/src/city/city-pack.js';
import { loadStorageConfig } from '../server/src/config.js';
import { openDb } from '../server/src/store/db.js';
import { migrate } from '../server/src/store/migrate.js';
import { rebuildRollups } from '../server/src/domain/rollups/rollups.repository.js';
import { rollupContext } from '../server/src/domain/rollups/rollup-context.js';

/** Rebuilds the rollups; resolves to the number of cases counted. */
export async function runRollupsRebuild(env: Record<string, string | undefined>, out: (line: string) => void): Promise<number> {
  const city = await loadCityPack(env.CITY?.trim() || '441700');
  const db = await openDb(loadStorageConfig(env));
  try {
    await migrate(db);
    const started = Date.now();
    const count = await db.transaction((tx) => rebuildRollups(tx, rollupContext(city.categoryByCode, city.manifest)), { untimed: true });
    out(`rollups rebuilt from ${count} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return count;
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runRollupsRebuild(process.env, (line) => console.log(line)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
