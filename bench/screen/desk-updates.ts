import type { Page } from 'playwright-core';
import { sleep } from '../lib/clock.js';
import { postIngest } from '../lib/http.js';
import { gridEventFactory } from '../lib/payloads.js';
import { workPerWindow, type TraceEvent } from './main-thread.js';
import { benchBrowser, benchServer, quantile, round1 } from './session.js';

export interface DeskOptions {
  /** Open cases in the queue. */
  cases: number;
  /** Cases whose status changes each second (another officer's actions, the departments' progress). */
  changePerS: number;
  /** Measured one-second windows. */
  seconds: number;
  /** Windows without any feed first: what the desk costs when nothing changes (its clock, the countdowns). */
  idleS: number;
  /** Seconds to wait after the cases reached the queue (see MapOptions.settleS). */
  settleS: number;
  /** Filter and sort changes timed. */
  answers: number;
  gpuCompositing: boolean;
  /**
   * The bench's server at this `nice` level (0: as every other phase). On a real desk the
   * server runs on another machine; here it shares the browser's two cores, and 19 lets it
   * have a core only when the browser's processes leave one (docs/BENCHMARKS.md, tenth session).
   */
  serverNice: number;
}

type Stats = { p50: number | null; p95: number | null; max: number | null };

export interface DeskResult extends DeskOptions {
  /** Cases the queue counted (its total) when the measurement began. */
  casesInQueue: number;
  /** Main-thread work per one-second window of updates, idle desk subtracted. */
  workMs: Stats;
  /** Longest main-thread task per update window: every update (one worker post, its render) is at most this. */
  longestTaskMs: Stats;
  /** The same in CPU (thread) time: what a task cost, however busy the machine was with other work. */
  longestTaskCpuMs: Stats;
  /** Busy time per idle window. */
  idleMs: { p50: number | null; max: number | null };
  /** From a click on a stage tab or the sort order to the queue painted with the new first row. */
  answerMs: Stats;
}

/** Forward open statuses a case moves through; a case moves one step each time its turn comes. */
const STEPS = ['registered', 'dispatched', 'in_progress', 'feedback'] as const;
const MARK = 'bench-desk-';
const round = (n: number | null) => (n === null ? null : round1(n));
const stats = (xs: number[]): Stats => ({ p50: round(quantile(xs, 0.5)), p95: round(quantile(xs, 0.95)), max: round(xs.length ? Math.max(...xs) : null) });

/** The queue's total as the page shows it ("共 10000 件"). */
async function queueTotal(page: Page): Promise<number> {
  const text = await page.locator('[data-testid="queue-total"]').innerText();
  return Number(text.replace(/\D/g, '')) || 0;
}

/**
 * Times `n` answers of the queue to a change, alternately of the stage (a filter) and of the
 * sort order: from the click to the frame after the first row or the total changed, all measured
 * inside the page (the worker re-filters and re-sorts every case; the page renders the window).
 */
function timeAnswers(page: Page, n: number): Promise<number[]> {
  // No named functions inside: the page runs this source as it is, without tsx's helpers.
  return page.evaluate(async (count) => {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const target = document.querySelector<HTMLElement>(i % 2 === 0 ? '[data-testid="sort-order"]' : `[data-stage="${i % 4 === 1 ? 'dispatched' : 'open'}"]`)!;
      // What the queue shows: its first row and its total (a filter may keep the first row).
      const before = `${document.querySelector('[data-testid="queue-row"]')?.getAttribute('data-id')}|${document.querySelector('[data-testid="queue-total"]')?.textContent}`;
      const t0 = performance.now();
      target.click();
      while (
        `${document.querySelector('[data-testid="queue-row"]')?.getAttribute('data-id')}|${document.querySelector('[data-testid="queue-total"]')?.textContent}` === before &&
        performance.now() < t0 + 5000
      )
        await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
    }
    return out;
  }, n);
}

/**
 * The duty officer's desk with `cases` open cases, `changePerS` of them moving a step every
 * second, against a real server fed only through the public ingest API: the page's main
 * thread is traced per one-second window as the map bench does (docs/BENCHMARKS.md), and
 * then filter and sort changes are timed from click to paint.
 */
export async function runDeskUpdates(o: DeskOptions, log: (msg: string) => void): Promise<DeskResult> {
  if (o.seconds * o.changePerS > (STEPS.length - 1) * o.cases) throw new Error('desk bench: too many changes for the cases; use fewer seconds');
  const srv = await benchServer({ simulate: false, nice: o.serverNice });
  // The desk is the duty officer's page: a leader, who takes no action, is sent to the wall.
  const bb = await benchBrowser(srv.url, { gpuCompositing: o.gpuCompositing, user: 'duty' });
  try {
    const { page } = await bb.newPage();
    await page.goto(`${srv.url}/desk`);
    await page.locator('[data-testid="case-queue"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-connection="live"]').first().waitFor({ timeout: 30_000 });

    const made = gridEventFactory(`bench-desk-${Date.now().toString(36)}`, 11)(o.cases) as { sourceId: string }[];
    const cases = made.map((c) => ({ ...c, status: STEPS[0] }));
    for (let i = 0; i < cases.length; i += 1000) await postIngest(srv.url, 'grid-events', JSON.stringify(cases.slice(i, i + 1000)));
    for (const end = Date.now() + 120_000; (await queueTotal(page)) < o.cases && Date.now() < end;) await sleep(250);
    const casesInQueue = await queueTotal(page);
    log(`  desk: ${casesInQueue} cases in the queue; settling ${o.settleS} s`);
    await sleep(o.settleS * 1000);

    // One request per change, spread over each second, so each reaches the desk as its own update.
    const bodies = Array.from({ length: o.seconds * o.changePerS }, (_, n) => JSON.stringify([{ ...cases[n % o.cases]!, status: STEPS[1 + Math.floor(n / o.cases)] }]));
    const feeds: Promise<unknown>[] = [];
    await bb.browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    const t0 = Date.now();
    const total = o.idleS + o.seconds;
    for (let k = 0; k <= total; k++) {
      await sleep(t0 + k * 1000 - Date.now());
      await page.evaluate((name) => performance.mark(name), `${MARK}${k}`);
      if (k === total) break;
      if (k < o.idleS) continue;
      for (let i = 0; i < o.changePerS; i++) {
        const body = bodies[(k - o.idleS) * o.changePerS + i]!;
        feeds.push(sleep((i * 1000) / o.changePerS).then(() => postIngest(srv.url, 'grid-events', body)));
      }
    }
    await Promise.all(feeds);
    const trace = JSON.parse((await bb.browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const all = workPerWindow(trace.traceEvents, MARK);
    if (all.length !== total) throw new Error(`desk bench: ${all.length} windows found in the trace, expected ${total}`);
    const idle = all.slice(0, o.idleS).map((w) => w.busyMs);
    const idleP50 = quantile(idle, 0.5) ?? 0;
    const measured = all.slice(o.idleS);
    const answerMs = await timeAnswers(page, o.answers);
    const result: DeskResult = {
      ...o,
      casesInQueue,
      workMs: stats(measured.map((w) => Math.max(0, w.busyMs - idleP50))),
      longestTaskMs: stats(measured.map((w) => w.longestTaskMs)),
      longestTaskCpuMs: stats(measured.map((w) => w.longestTaskCpuMs)),
      idleMs: { p50: round(quantile(idle, 0.5)), max: round(idle.length ? Math.max(...idle) : null) },
      answerMs: stats(answerMs),
    };
    log(
      `  desk: longest task per update window p95 ${result.longestTaskMs.p95} ms (CPU ${result.longestTaskCpuMs.p95} ms), work per window p95 ${result.workMs.p95} ms; filter/sort answers p50 ${result.answerMs.p50} / p95 ${result.answerMs.p95} / max ${result.answerMs.max} ms`,
    );
    return result;
  } finally {
    await bb.close();
    await srv.stop();
  }
}
