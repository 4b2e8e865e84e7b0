import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/src/store/db.js';
import { loadCityPack } from '../../../server/src/city/city-pack.js';
import { rebuildRollups } from '../../../server/src/domain/rollups/rollups.repository.js';
import { rollupContext } from '../../../server/src/domain/rollups/rollup-context.js';
import { loadCaseFixture } from '../../../bench/lib/case-fixture.js';
import { openTestDb } from '../../helpers/test-db.js';
import { pgSchema } from '../../helpers/test-server.js';
import { rollupsSnapshot } from '../../helpers/rollups-snapshot.js';

/** The indexes of the tables the bulk load drops and rebuilds, as their definitions. */
async function indexes(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ indexdef: string }>(
    "select indexdef from pg_indexes where schemaname = current_schema() and tablename in ('cases', 'case_timeline', 'case_rollups') order by indexname",
  );
  return rows.map((r) => r.indexdef);
}

describe.each([
  ['PGlite', false],
  ['PostgreSQL', true],
] as const)('the bulk case fixture on %s', (_name, postgres) => {
  let db: Db;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const schema = postgres ? await pgSchema() : null;
    drop = schema?.drop;
    db = await openTestDb({ databaseUrl: schema?.url });
  });
  afterAll(async () => {
    await db.close();
    await drop?.();
  });

  it('stores every case and step and fills the rollups exactly as a rebuild does, with the indexes back', async () => {
    const before = await indexes(db);
    // Small batches and flushes, so rollup rows summed in different flushes meet in the table.
    const loaded = await loadCaseFixture(db, { count: 2000, seed: 3, now: new Date('2026-12-07T00:00:00Z'), batchSize: 300, rollupFlushRows: 1000 });
    const { rows } = await db.query<{ cases: string; steps: string }>('select (select count(*) from cases) as cases, (select count(*) from case_timeline) as steps');
    expect(Number(rows[0]!.cases)).toBe(2000);
    expect(Number(rows[0]!.steps)).toBe(loaded.timelineRows);
    expect(loaded.timelineRows).toBeGreaterThan(2000 * 3);
    expect(await indexes(db)).toEqual(before);

    const bulk = await rollupsSnapshot(db);
    expect(bulk.length).toBe(loaded.rollupRows);
    const city = await loadCityPack('441700');
    expect(await db.transaction((tx) => rebuildRollups(tx, rollupContext(city.categoryByCode, city.manifest)), { untimed: true })).toBe(2000);
    expect(await rollupsSnapshot(db)).toEqual(bulk);
    // A second load of the same seed is refused, and leaves the indexes in place.
    await expect(loadCaseFixture(db, { count: 10, seed: 3, now: new Date('2026-12-07T00:00:00Z') })).rejects.toThrow(/already stored/);
    expect(await indexes(db)).toEqual(before);
  });
});
