import type { Queryable } from '../store/db.js';

/** The most a restart's simulator back-fills: the gap since the latest case, up to a week. */
export const DEMO_BACKFILL_HOURS = 7 * 24;

/**
 * On a fresh demo the simulator plays the last hours before now itself, with readings at
 * their live intervals (every station is current when the wall opens), and the history
 * back-fill (history-backfill.ts) covers the 90 days before them.
 */
export const LIVE_TAIL_HOURS = 6;

/** Hours of hourly readings before the simulator's tail on a fresh demo: a week of trends in all. */
export const READING_HISTORY_HOURS = 7 * 24 - LIVE_TAIL_HOURS;

/** What the demo sends at start besides the live feed. */
export interface DemoPlan {
  /** Hours the in-process simulator back-fills before now. */
  simulatorHours: number;
  /** Hours of hourly readings it sends before those. */
  readingHours: number;
  /** Where a history back-fill started now ends (a resumed one keeps its own window). */
  historyEnd: Date;
}

/**
 * A database without real cases is a fresh demo: the simulator plays the live tail, with a
 * week of readings, and the history ends where the tail begins. After a restart the
 * simulator fills the gap since the latest real case (so a restart never doubles what is
 * there; the simulator's ids change with every start), up to a week, none when that case is
 * in the future or the gap is under a minute; a history not started yet ends before the
 * earliest real case, so the two never overlap.
 */
export async function demoPlan(db: Queryable, now: Date): Promise<DemoPlan> {
  const { rows } = await db.query<{ first: string | Date | null; last: string | Date | null }>('select min(reported_at) as first, max(reported_at) as last from cases where exercise = false');
  const { first, last } = rows[0] ?? { first: null, last: null };
  if (first === null || last === null) return { simulatorHours: LIVE_TAIL_HOURS, readingHours: READING_HISTORY_HOURS, historyEnd: new Date(now.getTime() - LIVE_TAIL_HOURS * 3_600_000) };
  const gapHours = (now.getTime() - new Date(last).getTime()) / 3_600_000;
  return { simulatorHours: gapHours < 1 / 60 ? 0 : Math.min(DEMO_BACKFILL_HOURS, gapHours), readingHours: 0, historyEnd: new Date(first) };
}
