import type { Db } from '../store/db.js';
import type { SimCity } from '../../../mock-data/simulator/city.js';
import { createHttpSink } from '../../../mock-data/simulator/http-sink.js';
import type { SimLog } from '../../../mock-data/simulator/log.js';
import { jsonRequest } from '../../../mock-data/simulator/requests.js';
import { dueEvents, openAtEnd, type TailCase } from '../../../mock-data/history/history-tail.js';
import { readHistoryState } from './history-state.js';

/** How often the history's open cases move on: their steps come due by the minute, the figures read by the day. */
export const TAIL_EVERY_MS = 5 * 60_000;

export interface HistoryTailOptions {
  db: Db;
  url: string;
  key: string;
  city: SimCity;
  log: SimLog;
  everyMs?: number;
  now?: () => number;
  fetchImpl?: typeof fetch;
}

/** The running tail: `pass()` sends what came due (how many cases moved), `stop()` ends it (after a pass under way). */
export interface HistoryTail {
  pass(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The history's cases go on after its window: those still being handled when it ended (a
 * realistic backlog of the last days) receive their planned steps — feedback, send-back,
 * supervision, closure — as their time comes, through the ingest routes like the history,
 * at start (catching up with the time the server was down) and every `everyMs`, until the
 * last is closed. Without it every case open at the window's end would stay open for good
 * and turn overdue. Null when the history is not finished (the back-fill sends it first).
 */
export async function startHistoryTail(opts: HistoryTailOptions): Promise<HistoryTail | null> {
  const state = await readHistoryState(opts.db, opts.city.adcode);
  if (!state?.finished) return null;
  const open: TailCase[] = await openAtEnd({ seed: state.seed, city: opts.city, from: state.from, to: state.to });
  const now = opts.now ?? Date.now;
  let stopped = false;
  const sink = createHttpSink({ url: opts.url, key: opts.key, log: opts.log, fetchImpl: opts.fetchImpl, stopping: () => stopped });
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<number> | null = null;
  const stop = async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    await running;
  };
  // One pass at a time: a slow one is not overtaken by the next tick.
  const pass = () => (running ??= send().finally(() => (running = null)));
  async function send(): Promise<number> {
    const at = now();
    const before = open.map((c) => c.sent);
    const events = dueEvents(open, at);
    for (let i = 0; i < events.length; i += 1000) {
      // Refused items are cases someone has acted on since (the sink sends the others again): left to them.
      if ((await sink.send(jsonRequest('grid', events.slice(i, i + 1000)))).outcome === 'dropped') {
        // Not delivered: those steps are due again on the next pass.
        open.forEach((c, k) => (c.sent = before[k]!));
        return 0;
      }
    }
    const left = open.filter((c) => c.sent < c.event.steps.length);
    open.splice(0, open.length, ...left);
    if (open.length === 0 && timer) clearInterval(timer);
    if (events.length > 0) opts.log.info({ moved: events.length, stillOpen: open.length }, 'demo history: cases handled since the back-fill');
    return events.length;
  }
  await pass();
  if (open.length > 0 && !stopped) timer = setInterval(() => void pass(), opts.everyMs ?? TAIL_EVERY_MS);
  return { pass, stop };
}
