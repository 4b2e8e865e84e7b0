import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';
import { signInAt } from './setup/sign-in.js';
import { startReceiver } from '../helpers/webhook-receiver.js';
import { parseCap } from '../../server/src/ingest/cap.adapter.js';

/**
 * Issue 13 (信息发布): a warning drafted on the desk by one user (duty) and approved by
 * another (leader, on the sign-off page) reaches a local webhook receiver, signed with the
 * secret the admin tab showed once, and the city's CAP feed.
 */
const suite = browserSuite();
let srv: ServerProcess;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  srv = await startServer({ simulate: false, env: { WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_RETRY_MAX_MS: '1000' } });
  receiver = await startReceiver(8275);
});
afterAll(async () => {
  await receiver?.close();
  await srv?.stop();
});

const signIn = (page: Page, user: string) => signInAt(page, srv.url, '/login', user);

describe('warnings published out', () => {
  it('duty drafts, the leader approves, the receiver gets it signed and the feed lists it', { timeout: 180_000 }, async () => {
    // The admin adds the receiver; its signing secret is shown once.
    const admin = (await suite.context()).page;
    await signIn(admin, 'admin');
    await admin.goto(`${srv.url}/admin?tab=webhooks`);
    await admin.locator('#webhook-name').fill('区应急指挥平台');
    await admin.locator('#webhook-url').fill(receiver.url);
    await admin.locator('[data-testid="webhook-add"] button[type="submit"]').click();
    receiver.setSecret(await admin.locator('[data-testid="key-secret"]').inputValue({ timeout: 15_000 }));
    await admin.locator('[data-testid="key-dismiss"]').click();

    // The duty officer drafts it on the desk.
    const duty = (await suite.context()).page;
    await signIn(duty, 'duty');
    await duty.locator('[data-testid="view-warnings"]').click();
    await duty.locator('[data-testid="warning-new"]').click();
    await duty.locator('[data-testid="warning-level"]').selectOption('orange');
    await duty.locator('[data-testid="warning-category"]').selectOption('typhoon');
    await duty.locator('[data-district="441702"]').check();
    const headline = `阳江市台风橙色预警 ${Date.now().toString(36)}`;
    await duty.locator('[data-testid="warning-headline"]').fill(headline);
    await duty.locator('[data-testid="warning-description"]').fill('预计未来24小时沿海出现10级以上大风。');
    await duty.locator('[data-testid="warning-instruction"]').fill('渔船回港避风。');
    await duty.locator('[data-testid="warning-submit"]').click();
    const card = duty.locator('[data-state="pending"]', { hasText: headline });
    await card.waitFor({ timeout: 15_000 });
    // The drafter cannot approve it.
    expect(await card.locator('[data-testid="warning-approve"]').count()).toBe(0);

    // The leader signs it out from the sign-off page in the page menu.
    const leader = (await suite.context()).page;
    await signIn(leader, 'leader');
    await leader.locator('[data-testid="page-menu-open"]').click(); // the wall folds its page menu
    await leader.locator('[data-page="/warnings"]').click();
    const pending = leader.locator('[data-state="pending"]', { hasText: headline });
    await pending.locator('[data-testid="warning-approve"]').click();
    await leader.locator('[data-state="published"]', { hasText: headline }).waitFor({ timeout: 15_000 });

    // The receiver has it, signed; the feed lists it and serves the same CAP.
    await expect.poll(() => receiver.acknowledged().length, { timeout: 20_000 }).toBe(1);
    const got = receiver.received[0]!;
    expect(got.signed).toBe(true);
    const cap = parseCap(got.body);
    expect(cap).toMatchObject({ msgType: 'Alert', status: 'Actual', level: 'orange', category: 'typhoon', headline });
    const feed = await (await fetch(`${srv.url}/cap/feed.atom`)).text();
    expect(feed).toContain(`/cap/messages/${cap.sourceId}.xml`);
    expect(await (await fetch(`${srv.url}/cap/messages/${cap.sourceId}.xml`)).text()).toBe(got.body);

    // Delivery state in /admin.
    await admin.reload();
    await admin.locator('[data-testid="deliveries-table"] tr[data-state="delivered"]').waitFor({ timeout: 15_000 });
  });
});
