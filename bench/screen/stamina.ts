import type { Browser, CDPSession, Page } from 'playwright-core';
import { sleep } from '../lib/clock.js';
import { screenPath, THEMES } from '../../tests/e2e/setup/screen.js';
import { benchBrowser, benchServer, round1 } from './session.js';

export interface StaminaOptions {
  /** Measured minutes, after the warm-up; one sample a minute. */
  minutes: number;
  warmupMinutes: number;
  /** Simulator speed (SIMULATE_SPEED). */
  speed: number;
  /** Carousel interval (s); 12 s × 5 themes = one tour a minute, so every sample sees the same theme. */
  intervalS: number;
  /** Composite in the GPU process (SwiftShader) rather than in software; see launchBrowser. */
  gpuCompositing: boolean;
}

/** One sample, taken on the first theme right after a forced garbage collection. */
export interface StaminaSample {
  atMin: number;
  theme: string;
  /** The page's JS heap in use (MB = 10⁶ bytes). */
  heapMB: number;
  /** The live worker's JS heap in use (it keeps a copy of every case the page holds). */
  workerHeapMB: number;
  /** DOM nodes alive in the renderer (Chrome's Performance `Nodes`). */
  nodes: number;
  /** Elements in the document. */
  elements: number;
  /** Alert rows on show (ticker and lists): content that comes and goes with the simulated alerts. */
  alertRows: number;
  listeners: number;
}

export interface StaminaResult extends StaminaOptions {
  samples: StaminaSample[];
  /** Of the page's and the live worker's heaps together: median of the last three samples minus the median of the first three. */
  heapGrowthMB: number;
  /** DOM nodes: median of the last three samples minus the median of the first three (reported, not judged). */
  nodeGrowth: number;
  /** `nodeGrowth` relative to the first samples' median. */
  nodeGrowthPct: number;
  /**
   * DOM nodes gained over the run by the least-squares line through every sample (the
   * verdict): a leak adds nodes steadily, while the alerts and rankings on show come and go a
   * row at a time, which moves the end samples but not the line.
   */
  nodeTrend: number;
  /** `nodeTrend` relative to the median of all samples. */
  nodeTrendPct: number;
  /** Case, alert, reading … deltas the page received over the whole run. */
  deltasReceived: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Robust growth: the end minus the start, each the median of up to three samples. */
const growth = (xs: number[]) => median(xs.slice(-3)) - median(xs.slice(0, 3));

/** What the least-squares line through `ys` (one per minute) gains from the first sample to the last; 0 for fewer than two. */
export function trendOver(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  ys.forEach((y, x) => {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  });
  return (sxy / sxx) * (n - 1);
}

/**
 * The live worker's inspector. Playwright gives no CDP session for a worker, so commands go
 * through the browser's `Target.sendMessageToTarget` to the worker attached by target id.
 */
async function workerInspector(browser: Browser, urlPart: string) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
  if (!target) throw new Error(`stamina: no worker whose URL contains ${urlPart}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (err: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const call = msg.id === undefined ? undefined : waiting.get(msg.id);
    if (!call) return;
    waiting.delete(msg.id!);
    if (msg.error) call.reject(new Error(`live worker inspector: ${msg.error.message}`));
    else call.resolve(msg.result);
  });
  let nextId = 0;
  const send = <R>(method: string) =>
    new Promise<R>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve: (r) => resolve(r as R), reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(reject);
    });
  return {
    /** JS heap in use after two forced collections, MB. */
    async heapMB() {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      return round1((await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize / 1e6);
    },
  };
}
type WorkerInspector = Awaited<ReturnType<typeof workerInspector>>;

async function sample(page: Page, cdp: CDPSession, worker: WorkerInspector, atMin: number): Promise<StaminaSample> {
  // Sample just after the carousel arrives on its first theme, so samples compare like with like.
  await page.waitForFunction((t) => !document.querySelector(`[data-theme="${t}"]`), THEMES[0], { timeout: 120_000 }).catch(() => undefined);
  await page.waitForFunction((t) => document.querySelector(`[data-theme="${t}"]`), THEMES[0], { timeout: 120_000 }).catch(() => undefined);
  await sleep(2000);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const dom = await page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    alertRows: document.querySelectorAll('[data-alert-id]').length,
    theme: document.querySelector('[data-theme]')?.getAttribute('data-theme') ?? '',
  }));
  return {
    atMin,
    theme: dom.theme,
    heapMB: round1(heap.usedSize / 1e6),
    workerHeapMB: await worker.heapMB(),
    nodes: metric('Nodes'),
    elements: dom.elements,
    alertRows: dom.alertRows,
    listeners: metric('JSEventListeners'),
  };
}

/**
 * The screen left running on the rotating carousel while the in-process simulator runs at
 * `speed`× real time: after the warm-up, the JS heaps of the page and of its live worker
 * (after forced GC) and DOM nodes once a minute.
 */
export async function runStamina(o: StaminaOptions, log: (msg: string) => void): Promise<StaminaResult> {
  const srv = await benchServer({ simulate: true, env: { SIMULATE_SPEED: String(o.speed) } });
  const bb = await benchBrowser(srv.url, { gpuCompositing: o.gpuCompositing });
  try {
    const { page } = await bb.newPage();
    let deltasReceived = 0;
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes('"live:delta"')) deltasReceived++;
      }),
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${srv.url}${screenPath({ interval: o.intervalS })}`);
    const t0 = Date.now();
    log(`  stamina: warming up ${o.warmupMinutes} min, then ${o.minutes} min at ${o.speed}× simulator speed`);
    await sleep(o.warmupMinutes * 60_000);
    const worker = await workerInspector(bb.browser, 'live.worker');
    const samples: StaminaSample[] = [];
    for (let m = 0; m <= o.minutes; m++) {
      await sleep(t0 + (o.warmupMinutes + m) * 60_000 - Date.now());
      const s = await sample(page, cdp, worker, m);
      samples.push(s);
      log(
        `  stamina ${m} min: heap ${s.heapMB} MB (live worker ${s.workerHeapMB} MB), ${s.nodes} nodes (${s.elements} elements, ${s.alertRows} alert rows), ${s.listeners} listeners, theme ${s.theme}`,
      );
    }
    const nodes = samples.map((s) => s.nodes);
    const nodeGrowth = growth(nodes);
    const nodeTrend = round1(trendOver(nodes));
    return {
      ...o,
      samples,
      heapGrowthMB: round1(growth(samples.map((s) => s.heapMB + s.workerHeapMB))),
      nodeGrowth,
      nodeGrowthPct: round1((nodeGrowth / median(nodes.slice(0, 3))) * 100),
      nodeTrend,
      nodeTrendPct: round1((nodeTrend / median(nodes)) * 100),
      deltasReceived,
    };
  } finally {
    await bb.close();
    await srv.stop();
  }
}
