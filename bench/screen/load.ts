import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { screenPath, THEMES } from '../../tests/e2e/setup/screen.js';
import { ROOT } from '../../tests/e2e/setup/server-process.js';
import { benchBrowser, benchServer, quantile } from './session.js';

export interface LoadOptions {
  /** Cold-cache loads measured (after one unmeasured warm-up load). */
  runs: number;
  /** Composite in the GPU process (SwiftShader) rather than in software; see launchBrowser. */
  gpuCompositing: boolean;
}

export interface LoadResult {
  /** The built JS files /screen requested, over the first view and every theme, gzipped one by one (zlib default level 6, as servers usually send it). */
  js: { files: { file: string; rawBytes: number; gzipBytes: number }[]; rawBytes: number; gzipBytes: number };
  /** The same for the first view only (what the first paint waits for). */
  jsFirstView: { files: number; gzipBytes: number };
  /** Per run: ms from navigation start to the first widget showing data, painted. */
  firstDataMs: number[];
  firstDataP50Ms: number | null;
  firstDataMaxMs: number | null;
}

/**
 * Records, from navigation start (performance.now() = 0), when the first framed widget
 * reports `data-empty="false"`; the time is taken after the next frame, i.e. once painted.
 */
const FIRST_DATA_PROBE = `(() => {
  const hit = () => document.querySelector('[data-widget-id][data-empty="false"], [data-widget-id] [data-empty="false"]');
  const obs = new MutationObserver(() => {
    if (!hit()) return;
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__benchFirstData = performance.now(); }, 0));
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-empty'] });
})();`;

/** Same-origin JS URLs the page requests from now on. */
function recordJs(page: Page, origin: string): Set<string> {
  const urls = new Set<string>();
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.origin === origin && /\.m?js$/.test(u.pathname)) urls.add(u.pathname);
  });
  return urls;
}

function gzipOf(pathnames: Iterable<string>) {
  const files = [...pathnames].sort().map((p) => {
    const raw = readFileSync(path.join(ROOT, 'dist/client', p));
    return { file: p, rawBytes: raw.length, gzipBytes: gzipSync(raw).length };
  });
  return { files, rawBytes: files.reduce((s, f) => s + f.rawBytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

/**
 * Initial load of /screen against a real server with the simulator running: JS weight
 * and time to the first live data painted, each run in a fresh context (cold HTTP cache)
 * that already holds a session, like a video wall that reboots.
 */
export async function runLoad(o: LoadOptions, log: (msg: string) => void): Promise<LoadResult> {
  const srv = await benchServer({ simulate: true });
  const bb = await benchBrowser(srv.url, { gpuCompositing: o.gpuCompositing });
  const origin = new URL(srv.url).origin;
  try {
    const times: number[] = [];
    let firstView = new Set<string>();
    const all = new Set<string>();
    for (let run = 0; run <= o.runs; run++) {
      const { context, page } = await bb.newPage();
      await page.addInitScript(FIRST_DATA_PROBE);
      const js = recordJs(page, origin);
      await page.goto(`${srv.url}/screen`);
      const ms = (await (await page.waitForFunction(() => (window as { __benchFirstData?: number }).__benchFirstData, null, { timeout: 60_000 })).jsonValue()) as number;
      if (run > 0) times.push(ms); // run 0 warms the server and the disk cache
      if (run === 1) {
        firstView = new Set(js);
        for (const theme of THEMES) {
          await page.goto(`${srv.url}${screenPath({ theme, interval: 3600 })}`);
          await page.waitForFunction(() => document.querySelector('[data-widget-id] [data-empty="false"], [data-widget-id][data-empty="false"]'), null, { timeout: 60_000 });
          // Chunks loaded late count too (H3, fetched by the live worker when a map first shows the
          // density layer): wait until every layer a map shows has drawn something.
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll('[data-testid="city-map"]')].every((m) => m.getAttribute('data-empty') === 'false') &&
              [...document.querySelectorAll('[data-layer-toggle][aria-pressed="true"]')].every((t) => Number(t.getAttribute('data-count')) > 0),
            null,
            { timeout: 60_000 },
          );
        }
        for (const u of js) all.add(u);
      }
      await context.close();
      if (run > 0) log(`  load run ${run}: first live data painted at ${Math.round(ms)} ms`);
    }
    const js = gzipOf(all);
    log(`  JS requested by /screen (all themes): ${js.files.length} files, ${Math.round(js.gzipBytes / 1024)} KiB gzipped`);
    return {
      js,
      jsFirstView: { files: firstView.size, gzipBytes: gzipOf(firstView).gzipBytes },
      firstDataMs: times.map(Math.round),
      firstDataP50Ms: quantile(times, 0.5) === null ? null : Math.round(quantile(times, 0.5)!),
      firstDataMaxMs: times.length ? Math.round(Math.max(...times)) : null,
    };
  } finally {
    await bb.close();
    await srv.stop();
  }
}
