import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/setup/browser.js';
import { openScreen } from '../../tests/e2e/setup/screen.js';
import { startServer, type ServerOptions, type ServerProcess } from '../../tests/e2e/setup/server-process.js';

// The screen benchmarks drive the same Chromium, server process and sign-in as the browser
// tests (tests/e2e/setup), so what is measured is exactly what is tested — minus the tests'
// request guard, whose per-request interception would be measured too.

/** A real server whose process is killed however the bench ends. */
export async function benchServer(opts: ServerOptions): Promise<ServerProcess> {
  const srv = await startServer({ ...opts, env: { LOG_LEVEL: 'error', ...opts.env } });
  const onExit = () => srv.kill();
  process.once('exit', onExit);
  return {
    ...srv,
    async stop() {
      process.off('exit', onExit);
      await srv.stop();
    },
  };
}

/** Chromium plus a signed-in storage state, so every measured page starts with a cold cache but no login. */
export interface BenchBrowser {
  browser: Browser;
  /** A fresh context (empty HTTP cache) already holding the signed-in session. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Launches Chromium and signs in as `user` (default `leader`, the wall's viewer) through the login page once. */
export async function benchBrowser(url: string, opts: { gpuCompositing?: boolean; user?: string } = {}): Promise<BenchBrowser> {
  const browser = await launchBrowser(opts);
  const viewport = { width: 1920, height: 1080 };
  const login = await browser.newContext({ viewport });
  await openScreen(await login.newPage(), url, undefined, opts.user);
  const storageState = await login.storageState();
  await login.close();
  return {
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport, storageState, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      return { context, page: await context.newPage() };
    },
    close: () => browser.close(),
  };
}

/** The `q` quantile (nearest rank) of `xs`, or null for none. */
export function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Rounds to one decimal, for the report. */
export const round1 = (n: number) => Math.round(n * 10) / 10;
