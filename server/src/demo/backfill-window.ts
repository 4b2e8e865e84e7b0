import type { Queryable } from '../store/db.js';

/** A fresh demo opens on a week of history: the 24-hour chart, the 7-day closure rate and the trends all full. */
export const DEMO_BACKFILL_HOURS = 7 * 24;

/**
 * How many hours the in-process simulator should back-fill before the present: the whole
 * week on an empty database, after a restart only the gap since the latest real case it
 * holds (so a restart never doubles the week; the simulator's ids change with every start),
 * and none when that case is in the future or the gap is under a minute.
 */
export async function demoBackfillHours(db: Queryable, now: Date): Promise<number> {
  const { rows } = await db.query<{ last: string | Date | null }>('select max(reported_at) as last from cases where exercise = false');
  const last = rows[0]?.last;
  if (last === null || last === undefined) return DEMO_BACKFILL_HOURS;
  const gapHours = (now.getTime() - new Date(last).getTime()) / 3_600_000;
  if (gapHours < 1 / 60) return 0;
  return Math.min(DEMO_BACKFILL_HOURS, gapHours);
}
