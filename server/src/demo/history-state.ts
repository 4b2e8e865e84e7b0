import type { Queryable } from '../store/db.js';

/** Where the demo's history back-fill of a city stands (migration 011). */
export interface HistoryState {
  city: string;
  seed: number;
  /** The window [from, to), epoch ms. */
  from: number;
  to: number;
  /** Days of the window already sent, from the first. */
  daysDone: number;
  cases: number;
  finished: boolean;
}

/** The state of a city's back-fill, or null when none was ever started. */
export async function readHistoryState(q: Queryable, city: string): Promise<HistoryState | null> {
  const { rows } = await q.query<Record<string, unknown>>('select seed, window_from, window_to, days_done, cases, finished_at from demo_backfill where city = $1', [city]);
  const r = rows[0];
  if (!r) return null;
  return {
    city,
    seed: Number(r.seed),
    from: new Date(r.window_from as string).getTime(),
    to: new Date(r.window_to as string).getTime(),
    daysDone: Number(r.days_done),
    cases: Number(r.cases),
    finished: r.finished_at !== null && r.finished_at !== undefined,
  };
}

/** Records a new back-fill; when one was recorded meanwhile (another node), keeps it and returns it. */
export async function startHistoryState(q: Queryable, s: Omit<HistoryState, 'daysDone' | 'cases' | 'finished'>): Promise<HistoryState> {
  await q.query('insert into demo_backfill (city, seed, window_from, window_to, started_at) values ($1, $2, $3, $4, now()) on conflict (city) do nothing', [
    s.city,
    s.seed,
    new Date(s.from).toISOString(),
    new Date(s.to).toISOString(),
  ]);
  return (await readHistoryState(q, s.city))!;
}

/** Records a day sent (its cases stored), and the end when it was the last. */
export async function recordHistoryDay(q: Queryable, city: string, daysDone: number, cases: number, finished: boolean): Promise<void> {
  await q.query(`update demo_backfill set days_done = $2, cases = $3, finished_at = ${finished ? 'now()' : 'null'} where city = $1`, [city, daysDone, cases]);
}
