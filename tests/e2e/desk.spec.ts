import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';
import { signInAt } from './setup/sign-in.js';

const base = inject('aliveUrl');
const suite = browserSuite();
/** Git-ignored; CI keeps them as the run's artifacts. */
const ARTIFACTS = `${ROOT}tests/e2e/artifacts`;

/** Signs in as `user` through the login page from `path`, and waits for the desk's queue to count its cases. */
async function openDesk(page: Page, path = '/desk', user = 'duty'): Promise<void> {
  await signInAt(page, base, path, user);
  await page.waitForURL((u) => u.pathname === '/desk', { timeout: 15_000 });
  await expect.poll(() => page.locator('[data-testid="queue-row"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

describe("the duty officer's desk (duty / demo)", () => {
  it('lands on /desk with the simulated city’s open cases, keeps a filter in the address, and opens a case beside the queue', async () => {
    const { page } = await suite.context({ width: 1920, height: 1080 });
    await openDesk(page, '/');

    // A stage tab narrows the queue and lands in the address; a reload keeps it; back undoes it.
    await page.locator('[data-stage="in_progress"]').click();
    await page.waitForURL((u) => u.searchParams.get('stage') === 'in_progress');
    await expect.poll(() => page.locator('[data-testid="queue-row"] .stage').allInnerTexts()).toSatisfy((s: string[]) => s.length > 0 && s.every((x) => x === '任务处理'));
    await page.reload();
    expect(await page.locator('[data-stage="in_progress"]').getAttribute('aria-selected')).toBe('true');
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('stage'));

    // Keyboard: j moves, Enter opens the drawer with the case's timeline, Esc closes it.
    // A click on the queue's summary line (not a row, not the inbox, which has keys of its own) gives the queue the keys.
    await page.locator('[data-testid="queue-total"]').click();
    await expect.poll(() => page.locator('[data-testid="queue-row"]').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.has('case'));
    await page.locator('[data-testid="timeline"] li').first().waitFor({ timeout: 15_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/desk-zh-CN.png` });
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.searchParams.has('case'));
    expect(await page.locator('[data-testid="case-drawer"]').count()).toBe(0);
  });

  it('reads in English, overdue rows say so in words', async () => {
    const { page } = await suite.context({ width: 1920, height: 1080 });
    await openDesk(page, '/desk?lang=en&overdue=1');
    await expect.poll(() => page.locator('[data-testid="queue-row"][data-overdue="true"] [data-testid="countdown"]').first().innerText()).toMatch(/^Overdue by /);
    await page.screenshot({ path: `${ARTIFACTS}/desk-en.png` });
  });
});
