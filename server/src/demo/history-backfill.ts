import type { Db } from '../store/db.js';
import type { SimCity } from '../../../mock-data/simulator/city.js';
import type { SimLog } from '../../../mock-data/simulator/log.js';
import { DAY } from '../../../mock-data/simulator/time.js';
import { localParts, localTime } from '../../../mock-data/simulator/time.js';
import { sendHistory, type HistoryRun } from '../../../mock-data/history/send-history.js';
import { readHistoryState, recordHistoryDay, startHistoryState } from './history-state.js';

/** A fresh demo opens on this much history: enough for a quarter's evaluation and its trends. */
export const HISTORY_DAYS = 90;

export interface HistoryBackfillOptions {
  db: Db;
  /** The server's own base URL: the history comes in through its public ingest routes. */
  url: string;
  key: string;
  city: SimCity;
  log: SimLog;
  /** The end of the window on a first start (default now); a resumed back-fill keeps its window. */
  now?: Date;
  days?: number;
  seed?: number;
  stopping?: () => boolean;
  batch?: number;
  fetchImpl?: typeof fetch;
}

/**
 * The demo's history: on a first start records a window of `days` local days ending now,
 * then sends it day by day (mock-data/history/send-history.ts), recording each day sent
 * (migration 011). A restart resumes after the last day recorded; a finished back-fill is
 * not run again (null). Never throws for a delivery problem: the day is sent again next start.
 */
export async function runHistoryBackfill(opts: HistoryBackfillOptions): Promise<HistoryRun | null> {
  const city = opts.city.adcode;
  let state = await readHistoryState(opts.db, city);
  if (state?.finished) return null;
  if (!state) {
    const to = (opts.now ?? new Date()).getTime();
    const { year, month, day } = localParts(to);
    const from = localTime(year, month, day) - ((opts.days ?? HISTORY_DAYS) - 1) * DAY;
    state = await startHistoryState(opts.db, { city, seed: opts.seed ?? Math.floor(Math.random() * 1e9), from, to });
  }
  opts.log.info({ from: new Date(state.from).toISOString(), to: new Date(state.to).toISOString(), resumeAtDay: state.daysDone + 1 }, 'demo back-fill: sending the history');
  return sendHistory({
    url: opts.url,
    key: opts.key,
    city: opts.city,
    progress: state,
    log: opts.log,
    stopping: opts.stopping,
    batch: opts.batch,
    fetchImpl: opts.fetchImpl,
    onDay: (p, finished) => recordHistoryDay(opts.db, city, p.daysDone, p.cases, finished),
  });
}
