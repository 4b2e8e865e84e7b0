import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { guardedContext, launchBrowser, offMachineTraffic, type GuardedContext } from './browser.js';

/**
 * Per spec file: one Chromium for its tests, and a fresh guarded context per call of
 * `context()`. After every test each context is closed and the test fails if any of its
 * pages tried to reach a host other than localhost — so every browser test also checks
 * that nothing leaves the machine.
 */
export function browserSuite(): { context(opts?: Parameters<typeof guardedContext>[1]): Promise<GuardedContext> } {
  let browser: Browser | undefined;
  const open: GuardedContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const contexts = open.splice(0);
    await Promise.all(contexts.map((g) => g.context.close()));
    for (const g of contexts) expect(offMachineTraffic(g), 'requests to hosts other than localhost').toEqual([]);
  });
  return {
    async context(opts) {
      if (!browser) throw new Error('browserSuite: the browser is not running (beforeAll failed?)');
      const g = await guardedContext(browser, opts);
      open.push(g);
      return g;
    },
  };
}
