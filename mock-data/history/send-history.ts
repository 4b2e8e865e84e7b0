import type { GridEventInput } from '../../shared/schemas/grid-event.js';
import type { SimCity } from '../simulator/city.js';
import { createHttpSink } from '../simulator/http-sink.js';
import type { SimLog } from '../simulator/log.js';
import type { Outbound } from '../simulator/messages.js';
import { jsonRequest, toRequests, type IngestRequest } from '../simulator/requests.js';
import { DAY } from '../simulator/time.js';
import { historyDayHours } from './history-day.js';
import { typhoonAlerts, typhoonIn } from './typhoon-history.js';

/** Where a back-fill stands: what the caller persists between days (server/src/demo/history-state.ts). */
export interface HistoryProgress {
  seed: number;
  from: number;
  to: number;
  daysDone: number;
  cases: number;
}

export interface SendHistoryOptions {
  url: string;
  key: string;
  city: SimCity;
  progress: HistoryProgress;
  /** Called after each day is stored (all its requests acknowledged), before the next starts. */
  onDay: (p: HistoryProgress, finished: boolean) => Promise<void>;
  log: SimLog;
  /** Grid events per request. Default 1,000. */
  batch?: number;
  /** Requests in flight at once (overlaps the server's parsing with its database). Default 2. */
  inFlight?: number;
  /** Real milliseconds between progress lines. Default 5,000. */
  progressMs?: number;
  /** True once the server is stopping: the day in progress is abandoned (it is re-sent on the next start). */
  stopping?: () => boolean;
  fetchImpl?: typeof fetch;
}

/** What a run did. */
export interface HistoryRun {
  days: number;
  cases: number;
  ms: number;
  /** False when it was stopped (or a request was refused) before the last day. */
  finished: boolean;
}

/** The number of days of the window [from, to), the last one possibly partial. */
export function windowDays(p: Pick<HistoryProgress, 'from' | 'to'>): number {
  return Math.ceil((p.to - p.from) / DAY);
}

/** Sends requests with at most `inFlight` at once; resolves false when any was refused or dropped, or it was stopped before the last. */
async function sendAll(requests: IngestRequest[], inFlight: number, send: (r: IngestRequest) => Promise<boolean>, stopping: () => boolean): Promise<boolean> {
  let next = 0;
  let ok = true;
  const lane = async (): Promise<void> => {
    while (ok && next < requests.length) ok = !stopping() && (await send(requests[next++]!)) && ok;
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, requests.length) }, lane));
  return ok;
}

/**
 * Sends the history window [from, to) of a city, day by day from `daysDone`, through the
 * public ingest interfaces: each case as one grid event carrying its handling steps, in
 * bulk JSON requests, and the typhoon's warning signals as CAP messages on their day. A day
 * is recorded (`onDay`) once every request of it was acknowledged, so a stopped run resumes
 * with the day it was sending; the server skips what it already holds.
 */
export async function sendHistory(opts: SendHistoryOptions): Promise<HistoryRun> {
  const started = Date.now();
  const p = { ...opts.progress };
  const total = windowDays(p);
  const typhoon = typhoonIn(p.from, p.to);
  const alerts: Outbound[] = typhoon ? typhoonAlerts(opts.city, typhoon) : [];
  const stopping = opts.stopping ?? (() => false);
  const sink = createHttpSink({ url: opts.url, key: opts.key, log: opts.log, stopping, fetchImpl: opts.fetchImpl });
  const send = async (r: IngestRequest): Promise<boolean> => (await sink.send(r)).outcome === 'ok';
  const batch = opts.batch ?? 1000;
  let sent = 0;
  let lastLine = Date.now();
  const line = (done: number): void =>
    opts.log.info({ day: done, days: total, cases: p.cases, casesPerSecond: Math.round(sent / ((Date.now() - started) / 1000)) }, `demo back-fill: ${done}/${total} days, ${p.cases} cases`);

  while (p.daysDone < total && !stopping()) {
    const dayStart = p.from + p.daysDone * DAY;
    const events: GridEventInput[] = [];
    // An hour at a time, yielding between hours: the server answers its users meanwhile.
    for (const hour of historyDayHours({ seed: p.seed, city: opts.city, dayStart, until: p.to, typhoon })) {
      for (const c of hour) events.push(c.event);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const requests: IngestRequest[] = [];
    for (let i = 0; i < events.length; i += batch) requests.push(jsonRequest('grid', events.slice(i, i + batch)));
    const dayAlerts = alerts.filter((m) => m.at >= dayStart && m.at < dayStart + DAY);
    // Warnings in order, one by one (each may update the one before); then the day's cases.
    for (const r of toRequests(dayAlerts, opts.key)) if (!(await send(r))) return { days: p.daysDone, cases: p.cases, ms: Date.now() - started, finished: false };
    if (!(await sendAll(requests, opts.inFlight ?? 2, send, stopping))) {
      if (!stopping()) opts.log.warn({ day: p.daysDone + 1 }, 'demo back-fill: a request was not stored; the day is sent again on the next start');
      return { days: p.daysDone, cases: p.cases, ms: Date.now() - started, finished: false };
    }
    p.daysDone++;
    p.cases += events.length;
    sent += events.length;
    await opts.onDay({ ...p }, p.daysDone === total);
    if (Date.now() - lastLine >= (opts.progressMs ?? 5000) || p.daysDone === total) {
      line(p.daysDone);
      lastLine = Date.now();
    }
  }
  return { days: p.daysDone, cases: p.cases, ms: Date.now() - started, finished: p.daysDone === total };
}
