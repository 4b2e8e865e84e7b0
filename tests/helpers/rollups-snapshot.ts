import type { Db } from '../../server/src/store/db.js';
import { foldAllRollups } from '../../server/src/domain/rollups/rollups.repository.js';
import { COUNTERS } from '../../shared/domain/indicators.js';

/** The case rollups (the log folded in first) as sorted text rows, without rows whose counters all cancelled out. */
export async function rollupsSnapshot(db: Db): Promise<string[]> {
  await foldAllRollups(db);
  const { rows } = await db.query(`select * from case_rollups where ${COUNTERS.map((k) => `${k} <> 0`).join(' or ')}`);
  return rows
    .map((r) => JSON.stringify({ ...r, day: String(r.day instanceof Date ? r.day.toISOString() : r.day).slice(0, 10), handling_hours: Math.round(Number(r.handling_hours) * 1e6) / 1e6 }))
    .sort();
}
