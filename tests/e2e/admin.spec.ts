import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridEvent } from '../fixtures/payloads.js';
import { startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';
import { signInAt } from './setup/sign-in.js';

/** The administrator's console on a quiet server of its own: accounts, keys, and the audit log that records both. */
const suite = browserSuite();
let srv: ServerProcess;

beforeAll(async () => {
  srv = await startServer({ simulate: false });
});
afterAll(async () => {
  await srv?.stop();
});

/** Signs in as `user` from the app's root, like a person opening its address, and waits to leave the login page. */
async function signIn(page: Page, user: string, password: string): Promise<string> {
  await signInAt(page, srv.url, '/', user, password);
  return new URL(page.url()).pathname;
}

describe('/admin (admin / demo)', () => {
  it('creates a user, issues a key shown once, finds both in the audit log and downloads it as CSV', async () => {
    const { page } = await suite.context();
    expect(await signIn(page, 'admin', 'demo')).toBe('/admin');

    // A user: created from the form, listed, and able to sign in (a duty officer lands on the desk).
    const username = `ops${Date.now().toString(36)}`;
    const password = 'correct-horse-battery';
    const create = page.locator('[data-testid="user-create"]');
    await create.locator('#new-user-name').fill(username);
    await create.locator('#new-user-password').fill(password);
    await create.locator('#new-user-role').selectOption('duty');
    await create.locator('button[type="submit"]').click();
    await page.locator(`[data-testid="users-table"] tr[data-user="${username}"]`).waitFor({ timeout: 15_000 });
    expect(await page.locator(`tr[data-user="${username}"]`).innerText()).toContain('值班员');
    const other = (await suite.context()).page;
    expect(await signIn(other, username, password)).toBe('/desk');

    // A key: issued, its secret shown once, and it works for ingest.
    await page.locator('[data-tab="keys"]').click();
    const keyName = `e2e-feed-${Date.now().toString(36)}`;
    await page.locator('#new-key-name').fill(keyName);
    await page.locator('[data-testid="key-issue"] button[type="submit"]').click();
    const secret = await page.locator('[data-testid="key-secret"]').inputValue({ timeout: 15_000 });
    expect(secret.length).toBeGreaterThanOrEqual(20);
    const ingest = await fetch(`${srv.url}/api/v1/ingest/grid-events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(gridEvent()),
    });
    expect(ingest.status).toBe(202);
    const keyRow = page.locator('[data-testid="keys-table"] tr[data-key]', { hasText: keyName });
    await keyRow.waitFor();
    const keyId = (await keyRow.getAttribute('data-key'))!;
    await page.locator('[data-testid="key-dismiss"]').click();
    await page.locator('[data-testid="key-once"]').waitFor({ state: 'detached' });
    // Shown once: neither this page nor a fresh look at the list has the secret again.
    await page.reload();
    await page.locator('[data-testid="keys-table"]').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(secret);
    expect(await page.locator('input').evaluateAll((inputs, s) => inputs.some((i) => (i as HTMLInputElement).value === s), secret)).toBe(false);

    // The audit log: both changes, by admin, with what they created.
    await page.locator('[data-tab="audit"]').click();
    const table = page.locator('[data-testid="audit-table"]');
    await table.waitFor({ timeout: 15_000 });
    /** The rows of `action` on `target` (the action is the fifth column, the target the sixth). */
    const row = (action: string, target: string) =>
      table.locator('tbody tr', { has: page.locator('td:nth-child(5)', { hasText: action }) }).filter({ has: page.locator('td:nth-child(6)', { hasText: target }) });
    await expect.poll(() => row('user.create', username).count(), { timeout: 15_000 }).toBe(1);
    expect(await row('user.create', username).innerText()).toContain('admin');
    expect(await row('key.create', keyId).count()).toBe(1);
    expect(await row('key.create', keyId).innerText()).toContain('admin');
    // The filter narrows the log to one action.
    await page.locator('#audit-action').fill('key.create');
    await page.locator('[data-testid="audit-filters"] button[type="submit"]').click();
    await expect.poll(() => table.locator('tbody tr td:nth-child(5)').allInnerTexts()).toSatisfy((a: string[]) => a.length > 0 && a.every((x) => x === 'key.create'));

    // The CSV: the agreed header, and the filtered rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="audit-csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('seq,at,actor,role,action,target,ip,detail');
    expect(csv.slice(1).some((line) => line.includes('key.create') && line.includes(keyId) && line.includes('admin'))).toBe(true);
    expect(csv.slice(1).every((line) => line.includes('key.create'))).toBe(true);
  });
});
