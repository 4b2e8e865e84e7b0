import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JIANGCHENG, gridEvent } from '../fixtures/payloads.js';
import { openScreen, screenPath, STILL } from './setup/screen.js';
import { mapPixels, mapReady, settle } from './setup/map.js';
import { startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';
import { signInAt } from './setup/sign-in.js';

/**
 * 指挥调度 end to end: a duty officer dispatches a rescue team and sandbags to a case from the
 * case drawer; the 调度 workspace lists them and moves the team on; the leaders' wall shows the
 * team committed (ringed on the resources layer, counted out on the 应急资源 panel) and the
 * sandbags' stock lower. `SHOTS_DIR` set: screenshots of each screen, zh and en, go there.
 */
const suite = browserSuite();
let srv: ServerProcess;
const TEAM = { id: '441702-rescue-team-02', lon: 111.970277, lat: 21.867761 };
const WAREHOUSE = '441702-warehouse-01';

beforeAll(async () => {
  srv = await startServer({ simulate: false });
});
afterAll(async () => {
  await srv?.stop();
});

async function signIn(page: Page, user: string, target: string, locale = 'zh-CN'): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('cockpit.locale', l), locale);
  await signInAt(page, srv.url, target, user);
  if (!page.url().endsWith(target)) await page.goto(`${srv.url}${target}`);
}

async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: path.join(process.env.SHOTS_DIR, name) });
}

/** The number in a panel line ("沙袋剩余 27,800" → 27800). */
const numberIn = (text: string) => Number(text.replace(/[^\d]/g, ''));

describe('rescue resources dispatched (指挥调度)', () => {
  it('a team dispatched to a case shows as committed in the workspace, on the resources layer and the 应急资源 panel; sandbags assigned lower the stock', async () => {
    const caseId = (await srv.ingest('grid-events', gridEvent({ title: '内涝积水 调度测试', location: JIANGCHENG }))).ids[0]!;

    // The wall before: no team out, the map around the team as it is.
    const wall = (await suite.context()).page;
    await openScreen(wall, srv.url, screenPath({ ...STILL, theme: 'emergency', map: `${TEAM.lon},${TEAM.lat},14` }));
    await mapReady(wall);
    const panel = wall.locator('[data-testid="resource-dispatch"]');
    await expect.poll(() => panel.locator('[data-testid="teams-out"]').innerText(), { timeout: 20_000 }).toMatch(/^出动队伍 0\//);
    const sandbagsBefore = numberIn(await panel.locator('[data-testid="sandbags-left"]').innerText());
    await settle(wall, 1500);
    const before = await mapPixels(wall);

    // The desk: the case drawer's dispatch panel, the dialog with the nearby team.
    const { page } = await suite.context();
    await signIn(page, 'duty', `/desk?case=${caseId}`);
    const drawer = page.locator('[data-testid="case-drawer"]');
    await drawer.locator('[data-testid="dispatch-open"]').click();
    const dialog = page.locator('[data-testid="assign-dialog"]');
    await dialog.locator(`[data-resource="${TEAM.id}"]`).click();
    await dialog.locator('[data-testid="assign-quantity"]').fill('12');
    await shot(page, 'dispatch-dialog-zh.png');
    await dialog.locator('[data-testid="assign-submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => drawer.locator('[data-testid="target-assignment"]').allInnerTexts()).toEqual([expect.stringContaining('12 人')]);

    // Sandbags from the warehouse: the stock shown drops by what was assigned.
    await drawer.locator('[data-testid="dispatch-open"]').click();
    await dialog.locator(`[data-resource="${WAREHOUSE}"]`).click();
    await dialog.locator('[data-testid="assign-material"]').selectOption('sandbags');
    const available = numberIn((await dialog.locator('[data-testid="assign-available"]').innerText()).split('/')[0]!);
    await dialog.locator('[data-testid="assign-quantity"]').fill('500');
    await dialog.locator('[data-testid="assign-submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    await drawer.locator('[data-testid="dispatch-open"]').click();
    await dialog.locator(`[data-resource="${WAREHOUSE}"]`).click();
    await dialog.locator('[data-testid="assign-material"]').selectOption('sandbags');
    await expect.poll(async () => numberIn((await dialog.locator('[data-testid="assign-available"]').innerText()).split('/')[0]!)).toBe(available - 500);
    // Asking for more than is left is refused naming the item.
    await dialog.locator('[data-testid="assign-quantity"]').fill(String(available));
    await dialog.locator('[data-testid="assign-submit"]').click();
    await expect.poll(() => dialog.locator('[data-testid="assign-error"]').innerText()).toContain('sandbags');
    await page.keyboard.press('Escape');

    // The 调度 workspace lists both by state; the team moves on from there.
    await page.goto(`${srv.url}/desk?view=dispatch`);
    const row = page.locator(`[data-testid="dispatch-row"][data-resource="${TEAM.id}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('assigned');
    await expect.poll(() => page.locator(`[data-testid="dispatch-row"][data-resource="${WAREHOUSE}"]`).innerText()).toContain('沙袋 × 500');
    await row.locator('[data-move="en_route"]').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('en_route');
    expect(await row.innerText()).toContain('内涝积水 调度测试');
    await shot(page, 'dispatch-workspace-zh.png');

    // The wall: the team counted out, the sandbags lower, the team ringed on the map.
    await expect.poll(() => panel.locator('[data-testid="teams-out"]').innerText(), { timeout: 5_000 }).toMatch(/^出动队伍 1\//);
    expect(numberIn(await panel.locator('[data-testid="sandbags-left"]').innerText())).toBe(sandbagsBefore - 500);
    await settle(wall, 1500);
    const after = await mapPixels(wall, before);
    expect(after.changed, 'pixels the committed ring changed').toBeGreaterThan(50);
    const box = (await wall.locator('[data-testid="city-map"] canvas').first().boundingBox())!;
    expect(Math.abs(after.changedAt!.x - (box.x + box.width / 2)), 'the change is at the team (the map centre)').toBeLessThan(60);
    expect(Math.abs(after.changedAt!.y - (box.y + box.height / 2))).toBeLessThan(60);
    await shot(wall, 'dispatch-wall-1080p-zh.png');
  });

  it.runIf(!!process.env.SHOTS_DIR)('screenshots: the workspace and the drawer in English, the wall in 4K', async () => {
    const { page } = await suite.context();
    await signIn(page, 'duty', '/desk?view=dispatch', 'en');
    await page.locator('[data-testid="dispatch-row"]').first().waitFor({ timeout: 15_000 });
    await shot(page, 'dispatch-workspace-en.png');
    const wall = (await suite.context({ width: 3840, height: 2160 })).page;
    await openScreen(wall, srv.url, screenPath({ ...STILL, theme: 'emergency' }));
    await mapReady(wall);
    await settle(wall, 1500);
    await shot(wall, 'dispatch-wall-4k-zh.png');
  });
});
