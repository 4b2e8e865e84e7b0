import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertJson, capXml } from '../fixtures/payloads.js';
import { openScreen, screenPath, STILL } from './setup/screen.js';
import { startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';
import { signInAt } from './setup/sign-in.js';

/**
 * Response plans end to end, on a quiet server the test feeds: a typhoon CAP warning proposes
 * the city's typhoon plan, the duty officer starts it from the alert drawer (counting from the
 * warning's issue two hours ago, as the plan says it starts on issue), ticks a step on the
 * desk, and the steps past their limits show as overdue on the desk and on the leaders' wall.
 */
const suite = browserSuite();
let srv: ServerProcess;

beforeAll(async () => {
  srv = await startServer({ simulate: false });
});
afterAll(async () => {
  await srv?.stop();
});

/** Signs the duty officer in through the login page and waits for the desk. */
async function deskAsDuty(page: Page, query = ''): Promise<void> {
  await signInAt(page, srv.url, `/desk${query}`, 'duty');
  await page.waitForURL((u) => u.pathname === '/desk', { timeout: 15_000 });
}

const plan = (page: Page) => page.locator('[data-testid="plan-typhoon"]');
const step = (page: Page, id: string) => plan(page).locator(`[data-step="${id}"]`);

describe('response plans on the desk and the wall', () => {
  it('a typhoon warning proposes its plan; the officer starts it and ticks a step; overdue steps show on the desk and the wall', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const { ids } = await srv.ingest(
      'cap',
      capXml({ identifier: `e2e-plan-typhoon-${Date.now().toString(36)}`, sent: twoHoursAgo, severity: 'Severe', event: '台风橙色预警信号' }),
      'application/cap+xml',
    );
    const alertId = ids[0]!;

    const { page } = await suite.context();
    await deskAsDuty(page);
    await page.locator(`[data-alert-row="${alertId}"]`).click();
    const proposal = page.locator('[data-testid="alert-plans"] li[data-plan="typhoon"]');
    await proposal.waitFor({ timeout: 15_000 });
    expect(await proposal.getAttribute('data-state')).toBe('proposed');
    expect(await proposal.innerText()).toContain('Ⅱ级响应');

    await proposal.locator('[data-testid="drawer-plan-activate"]').click();
    await page.locator('[data-testid="plan-from-alert-sent"]').check();
    await page.locator('[data-testid="plan-note"]').fill('预警发布即启动，电话通知后补录');
    await page.locator('[data-testid="plan-submit"]').click();
    await page.locator('[data-testid="plan-dialog"]').waitFor({ state: 'detached' });
    await expect.poll(() => proposal.getAttribute('data-state'), { timeout: 10_000 }).toBe('active');

    // The 预案 workspace: limits of 30, 60, 120 and 120 minutes have passed since the warning's issue.
    await page.locator('[data-testid="drawer-plans-open"]').click();
    await plan(page).waitFor();
    expect(await plan(page).getAttribute('data-state')).toBe('active');
    expect(await step(page, 'order').getAttribute('data-overdue')).toBe('true');
    expect(await step(page, 'boats').getAttribute('data-overdue')).toBe('false');
    expect(await plan(page).locator('[data-testid="plan-overdue"]').innerText()).toBe('超时 4 项');
    expect(await step(page, 'order').locator('[data-testid="step-clock"]').innerText()).toMatch(/^已超时 1小时3\d分$/);
    expect(await step(page, 'boats').locator('[data-testid="step-clock"]').innerText()).toMatch(/^剩余 (5\d分\d+秒|1小时0分)$/);

    await step(page, 'order').locator('[data-testid="step-toggle-order"]').click();
    await page.locator('[data-testid="plan-note"]').fill('响应命令已印发，成员单位已签收');
    await page.locator('[data-testid="plan-submit"]').click();
    await expect.poll(() => step(page, 'order').getAttribute('data-done')).toBe('true');
    expect(await step(page, 'order').getAttribute('data-overdue')).toBe('false');
    expect(await step(page, 'order').locator('[data-testid="step-who"]').innerText()).toMatch(/^duty 于 .+ 完成 · 响应命令已印发，成员单位已签收$/);
    expect(await plan(page).locator('[data-testid="plan-progress"]').innerText()).toBe('完成 1/9');
    expect(await plan(page).locator('[data-testid="plan-overdue"]').innerText()).toBe('超时 3 项');

    // The leaders' 应急指挥 wall shows the running plan with its response level and steps.
    const wall = (await suite.context()).page;
    await openScreen(wall, srv.url, screenPath({ ...STILL, theme: 'emergency' }));
    const row = wall.locator('.plan-board li[data-plan="typhoon"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-overdue')).toBe('3');
    expect(await row.locator('[data-testid="plan-board-steps"]').innerText()).toBe('步骤 1/9');
    expect(await row.locator('[data-testid="plan-board-overdue"]').innerText()).toBe('超时 3');
    expect(await row.innerText()).toContain('Ⅱ级响应');

    // A second tick on the desk reaches the wall live.
    await step(page, 'forecast').locator('[data-testid="step-toggle-forecast"]').click();
    await page.locator('[data-testid="plan-submit"]').click();
    await expect.poll(() => row.getAttribute('data-overdue'), { timeout: 5_000 }).toBe('2');
    expect(await row.locator('[data-testid="plan-board-steps"]').innerText()).toBe('步骤 2/9');
  });

  it('a duty officer starts a plan by hand: for a reported event from the workspace, and from an alert the plan does not match', async () => {
    const { page } = await suite.context();
    await deskAsDuty(page, '?view=plans');
    await page.locator('[data-testid="plans-start"]').click();
    const dialog = page.locator('[data-testid="start-plan-dialog"]');
    await dialog.locator('[data-testid="start-plan-plan"] option[value="hazchem"]').waitFor({ state: 'attached' });
    await dialog.locator('[data-testid="start-plan-plan"]').selectOption('hazchem');
    expect(await dialog.locator('[data-testid="start-plan-alert"]').inputValue()).toBe('');
    await dialog.locator('[data-testid="start-plan-event"]').fill('江城区某化工厂储罐泄漏');
    await dialog.locator('[data-testid="start-plan-districts"] input[value="441702"]').check();
    await dialog.locator('[data-testid="start-plan-level"]').selectOption('II');
    await dialog.locator('[data-testid="start-plan-reason"]').fill('群众报告，现场核实');
    await dialog.locator('[data-testid="start-plan-submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    const chem = page.locator('[data-testid="plan-hazchem"]');
    await chem.waitFor();
    expect(await chem.getAttribute('data-state')).toBe('active');
    expect(await chem.locator('[data-testid="plan-response-level"]').innerText()).toBe('Ⅱ级响应');
    expect(await chem.innerText()).toContain('报告事件：江城区某化工厂储罐泄漏');
    expect(await chem.locator('[data-testid="plan-manual"]').innerText()).toBe('手动启动 启动原因：群众报告，现场核实');
    expect(await chem.innerText()).toContain('duty 启动');

    // A rainstorm warning proposes the flood plan; the officer also starts the geological one from its drawer.
    const { ids } = await srv.ingest('alerts', alertJson({ sourceId: `e2e-manual-rain-${Date.now().toString(36)}`, category: 'rainstorm', level: 'orange', event: '暴雨橙色预警信号' }));
    await page.locator(`[data-alert-row="${ids[0]}"]`).click();
    await page.locator('[data-testid="alert-plans"] li[data-plan="rainstorm-flood"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="drawer-plan-start"]').click();
    expect(await dialog.locator('[data-testid="start-plan-alert"]').inputValue()).toBe(ids[0]);
    await dialog.locator('[data-testid="start-plan-plan"] option[value="geological"]').waitFor({ state: 'attached' });
    await dialog.locator('[data-testid="start-plan-plan"]').selectOption('geological');
    await dialog.locator('[data-testid="start-plan-reason"]').fill('强降雨，山区易发滑坡');
    await dialog.locator('[data-testid="start-plan-submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    const geo = page.locator('[data-testid="alert-plans"] li[data-plan="geological"]');
    await geo.waitFor();
    expect(await geo.getAttribute('data-state')).toBe('active');
  });
});
