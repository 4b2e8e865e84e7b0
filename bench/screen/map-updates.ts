import type { Page } from 'playwright-core';
import { sleep } from '../lib/clock.js';
import { postIngest } from '../lib/http.js';
import { CASES_CENTRE, gridEventFactory } from '../lib/payloads.js';
import { screenPath } from '../../tests/e2e/setup/screen.js';
import type { WireDelta } from '../../shared/contracts/live.js';
import { deltaItems } from '../../shared/contracts/packed.js';
import { workPerWindow, type TraceEvent } from './main-thread.js';
import { benchBrowser, benchServer, quantile, round1 } from './session.js';

/**
 * Where the map looks: the theme's own view of the whole city (the cases sit in a few clusters,
 * so a status change alters nothing drawn), or street level over the cases (`focus`, the
 * screen's `?map=`), where every case is its own point and every status change recolours one.
 */
export interface MapView {
  name: 'city' | 'street';
  /** `lon,lat,zoom` for the screen's `?map=`; null: the theme's view. */
  focus: string | null;
}

/** The map views the bench knows, by name. */
export const MAP_VIEWS: Record<MapView['name'], MapView> = {
  city: { name: 'city', focus: null },
  street: { name: 'street', focus: `${CASES_CENTRE.lon},${CASES_CENTRE.lat},14` },
};

export interface MapOptions {
  view: MapView;
  cases: number;
  /** Cases whose status changes each second. */
  changePerS: number;
  /** Measured one-second windows. */
  seconds: number;
  /**
   * Windows fed before the measured ones (not counted). By default one pass over every case
   * (cases ÷ changes per second): the first change of each case is a one-off (the map creates
   * that case's feature-state), and the screen is measured in the state it then stays in.
   */
  warmupS: number;
  /** Windows without any feed before that: what the screen costs when nothing changes. */
  idleS: number;
  /**
   * Seconds to wait after the cases reached the page, before the idle windows: taking in
   * 10,000 cases is a burst of allocation, after which V8's memory reducer runs a few full
   * garbage collections over the next half minute. The screen then stays in the state measured.
   */
  settleS: number;
  /** Theme whose map shows the cases layer. */
  theme: string;
  /** Composite in the GPU process (SwiftShader) rather than in software; see launchBrowser. */
  gpuCompositing: boolean;
}

export interface MapResult extends MapOptions {
  /** Distinct cases the page received over its live socket (the map's data). */
  casesOnPage: number;
  /** Case updates the page received per second while measured. */
  updatesPerS: number;
  /** Main-thread work per update: a window's busy time minus the idle windows' median. */
  workMs: { p50: number | null; p95: number | null; max: number | null };
  /** Work per measured window, in time order (where the outliers are). */
  workPerWindowMs: number[];
  /** Work per warm-up window, in time order (the first change of each case; not part of the verdict). */
  warmupWorkPerWindowMs: number[];
  /** Busy time of the update windows as measured (idle work included). */
  busyMs: { p50: number | null; p95: number | null; max: number | null };
  /** Busy time per one-second window with nothing fed (clock, animations). */
  idleMs: { p50: number | null; max: number | null };
  /** Longest single main-thread task per window. */
  longestTaskMs: { p50: number | null; p95: number | null; max: number | null };
  /** Feed requests (one per second, `changePerS` status changes each) p50 / max, ms. */
  feedMs: { p50: number | null; max: number | null };
}

/** Forward statuses a case moves through; a case moves one step each time its turn comes. */
const STEPS = ['registered', 'dispatched', 'in_progress', 'feedback'] as const;
const MARK = 'bench-update-';

/** Counts grid cases and case updates arriving on the page's Socket.IO websocket (in either encoding). */
function watchGrid(page: Page): { ids: Set<string>; updates: () => number } {
  const ids = new Set<string>();
  let updates = 0;
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string' || !payload.startsWith('42')) return;
      const [event, delta] = JSON.parse(payload.slice(payload.indexOf('['))) as [string, WireDelta];
      if (event !== 'live:delta' || delta.topic !== 'grid') return;
      const items = deltaItems(delta) as { id: string }[];
      for (const item of items) ids.add(item.id);
      updates += items.length;
    }),
  );
  return { ids, updates: () => updates };
}

const stats = (xs: number[]) => ({ p50: round(quantile(xs, 0.5)), p95: round(quantile(xs, 0.95)), max: round(xs.length ? Math.max(...xs) : null) });
const round = (n: number | null) => (n === null ? null : round1(n));

/**
 * 10,000 cases on the map, 10 % of them changing status every second, against a real
 * server fed only through the public ingest API. The page's main thread is traced
 * (Chrome `toplevel` tasks) and split into one-second windows by marks set just before
 * each feed request; a window's busy time minus that of an idle window is the work the
 * update cost.
 */
export async function runMapUpdates(o: MapOptions, log: (msg: string) => void): Promise<MapResult> {
  const windows = o.warmupS + o.seconds;
  if (windows * o.changePerS > STEPS.length * o.cases) throw new Error(`map bench: ${windows} s × ${o.changePerS} changes would move cases past ${STEPS.at(-1)}; use fewer seconds`);
  const srv = await benchServer({ simulate: false });
  const bb = await benchBrowser(srv.url, { gpuCompositing: o.gpuCompositing });
  try {
    const { page } = await bb.newPage();
    const grid = watchGrid(page);
    await page.goto(`${srv.url}${screenPath({ theme: o.theme, interval: 3600, ...(o.view.focus && { map: o.view.focus }) })}`);
    await page.locator('[data-testid="city-map"]').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-connection="live"]').first().waitFor({ timeout: 30_000 });

    const cases = gridEventFactory(`bench-map-${Date.now().toString(36)}`, 7)(o.cases) as { sourceId: string }[];
    for (let i = 0; i < cases.length; i += 1000) await postIngest(srv.url, 'grid-events', JSON.stringify(cases.slice(i, i + 1000)));
    for (const end = Date.now() + 120_000; grid.ids.size < o.cases && Date.now() < end;) await sleep(250);
    log(`  map: ${grid.ids.size} cases on the page; settling ${o.settleS} s`);
    await sleep(o.settleS * 1000);

    // Bodies are built before the clock starts so the feeder costs little CPU.
    const bodies = Array.from({ length: windows }, (_, k) => {
      const first = k * o.changePerS;
      const status = STEPS[Math.floor(first / o.cases)];
      return JSON.stringify(Array.from({ length: o.changePerS }, (_, i) => ({ ...cases[(first + i) % o.cases]!, status })));
    });
    await bb.browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    const t0 = Date.now();
    const feeds: Promise<number>[] = [];
    let updatesAtMeasure = 0;
    const total = o.idleS + windows;
    for (let k = 0; k <= total; k++) {
      await sleep(t0 + k * 1000 - Date.now());
      if (k === o.idleS + o.warmupS) updatesAtMeasure = grid.updates();
      await page.evaluate((name) => performance.mark(name), `${MARK}${k}`);
      if (k === total) break; // the last mark only closes the last window
      if (k < o.idleS) continue;
      const sent = Date.now();
      feeds.push(postIngest(srv.url, 'grid-events', bodies[k - o.idleS]!).then(() => Date.now() - sent));
    }
    const updatesMeasured = grid.updates() - updatesAtMeasure;
    const feedMs = await Promise.all(feeds);
    const trace = JSON.parse((await bb.browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const all = workPerWindow(trace.traceEvents, MARK);
    if (all.length !== total) throw new Error(`map bench: ${all.length} windows found in the trace, expected ${total}`);
    const idle = all.slice(0, o.idleS).map((w) => w.busyMs);
    const idleP50 = quantile(idle, 0.5) ?? 0;
    const measured = all.slice(o.idleS + o.warmupS);
    const result: MapResult = {
      ...o,
      casesOnPage: grid.ids.size,
      updatesPerS: Math.round(updatesMeasured / o.seconds),
      workMs: stats(measured.map((w) => Math.max(0, w.busyMs - idleP50))),
      workPerWindowMs: measured.map((w) => round1(Math.max(0, w.busyMs - idleP50))),
      warmupWorkPerWindowMs: all.slice(o.idleS, o.idleS + o.warmupS).map((w) => round1(Math.max(0, w.busyMs - idleP50))),
      busyMs: stats(measured.map((w) => w.busyMs)),
      idleMs: { p50: round(quantile(idle, 0.5)), max: round(idle.length ? Math.max(...idle) : null) },
      longestTaskMs: stats(measured.map((w) => w.longestTaskMs)),
      feedMs: { p50: quantile(feedMs, 0.5), max: Math.max(...feedMs) },
    };
    log(
      `  map (${o.view.name} view): main-thread work per update p50 ${result.workMs.p50} / p95 ${result.workMs.p95} / max ${result.workMs.max} ms (idle ${result.idleMs.p50} ms/s); ${result.updatesPerS} updates/s reached the page`,
    );
    return result;
  } finally {
    await bb.close();
    await srv.stop();
  }
}
