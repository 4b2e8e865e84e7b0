import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, quiet, and with WebGL through SwiftShader so MapLibre draws without a GPU. The
 * resolver rule is a safety net only: the request guard below is what detects and fails
 * traffic to any other host.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * Launches Chromium with {@link CHROMIUM_ARGS}. `gpuCompositing` drops `--disable-gpu`, so the
 * compositor runs in the GPU process (SwiftShader) as on a machine with a graphics card,
 * instead of reading every WebGL frame back onto the page's main thread.
 */
export function launchBrowser(opts: { gpuCompositing?: boolean } = {}): Promise<Browser> {
  const args = opts.gpuCompositing ? CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu') : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args });
}

/** A browser context whose traffic is watched: everything not to localhost is recorded and refused. */
export interface GuardedContext {
  context: BrowserContext;
  page: Page;
  /** URLs of requests to any other host (refused). */
  foreign: string[];
  /** URLs of every websocket the pages opened. */
  sockets: string[];
  /** Uncaught page errors, for the failure message. */
  errors: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a URL stays on this machine (data: and blob: URLs never leave the page). */
export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(u.hostname);
}

/**
 * A new context with one page, every request routed through a guard that lets only
 * localhost through, and every websocket URL recorded.
 */
export async function guardedContext(browser: Browser, opts: { width?: number; height?: number; deviceScaleFactor?: number } = {}): Promise<GuardedContext> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1920, height: opts.height ?? 1080 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const foreign: string[] = [];
  const sockets: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // Requests the route might not see (service workers, preloads) still show up here.
  context.on('request', (req) => {
    if (!isLocal(req.url()) && !foreign.includes(req.url())) foreign.push(req.url());
  });
  const watch = (page: Page) => {
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('pageerror', (err) => errors.push(err.message));
  };
  context.on('page', watch);
  const page = await context.newPage();
  return { context, page, foreign, sockets, errors };
}

/** The URLs of a guarded context that left (or tried to leave) this machine. */
export function offMachineTraffic(g: GuardedContext): string[] {
  return [...g.foreign, ...g.sockets.filter((u) => !isLocal(u))];
}
