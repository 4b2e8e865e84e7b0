import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capXml } from '../fixtures/payloads.js';
import { layerCount, mapPixels, mapReady, settle } from './setup/map.js';
import { openScreen, screenPath, STILL } from './setup/screen.js';
import { startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';

const CAP = 'application/cap+xml';
const SENDER = 'yjqx@gd.gov.cn';
const suite = browserSuite();
let srv: ServerProcess;
let n = 0;
/** Real alerts in force on the server (the tests run in order and share it). */
let realActive = 0;
const identifier = (what: string) => `e2e-${what}-${Date.now().toString(36)}-${n++}`;

/** Posts one CAP message; resolves with the alert id and the identifier. */
async function postCap(o: Parameters<typeof capXml>[0]): Promise<{ id: string; identifier: string }> {
  const { ids } = await srv.ingest('cap', capXml(o), CAP);
  return { id: ids[0]!, identifier: o.identifier };
}

/** The ticker item of an alert (by its id; the CAP identifier is accepted too). */
const tickerItem = (page: Page, a: { id: string; identifier: string }) => page.locator(`[data-alert-id="${a.id}"], [data-alert-id="${a.identifier}"]`);

/** `/screen` of the emergency theme, in the real or the drill view. */
const emergency = (drill = false) => screenPath({ ...STILL, theme: 'emergency', ...(drill ? { drill: 1 } : {}) });

describe('alerts on the screen (server fed only by the test)', () => {
  beforeAll(async () => {
    srv = await startServer({ simulate: false });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('a CAP alert sent while the screen is open appears in the ticker and on the map', async () => {
    const { page } = await suite.context();
    await openScreen(page, srv.url, emergency());
    await mapReady(page);
    await expect.poll(() => layerCount(page, 'alerts')).toBe(0);
    await settle(page);
    const before = await mapPixels(page);

    const alert = await postCap({ identifier: identifier('orange'), severity: 'Severe', event: '台风橙色预警信号' });
    realActive++;
    await tickerItem(page, alert).first().waitFor({ timeout: 15_000 });
    expect(await tickerItem(page, alert).first().innerText()).toContain('台风橙色预警信号');
    // The alert's polygon (over 江城区) is drawn: the layer holds it and the map shows it.
    await expect.poll(() => layerCount(page, 'alerts'), { timeout: 15_000 }).toBe(1);
    await settle(page);
    expect((await mapPixels(page, before)).changed).toBeGreaterThan(500);
  });

  it('a red alert raises the banner, and cancelling it lowers the banner', async () => {
    const { page } = await suite.context();
    await openScreen(page, srv.url, emergency());
    const banner = page.locator('[data-testid="red-alert-banner"]');
    expect(await banner.count()).toBe(0);

    const sent = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const red = await postCap({ identifier: identifier('red'), severity: 'Extreme', event: '暴雨红色预警信号' });
    await banner.first().waitFor({ timeout: 15_000 });
    expect(await banner.first().innerText()).toContain('暴雨红色预警信号');

    await postCap({ identifier: identifier('cancel'), msgType: 'Cancel', references: `${SENDER},${red.identifier},${sent}` });
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => tickerItem(page, red).count(), { timeout: 15_000 }).toBe(0);
  });

  it('an Exercise alert shows only in the drill view, marked 演练, and never in the real view', async () => {
    const drill = await postCap({ identifier: identifier('drill'), status: 'Exercise', severity: 'Moderate', event: '风暴潮黄色预警信号' });
    // A real alert sent after the drill one: once it is on screen, the drill one would be too.
    const real = await postCap({ identifier: identifier('real'), severity: 'Minor', event: '大风蓝色预警信号' });
    realActive++;

    const { page } = await suite.context();
    await openScreen(page, srv.url, emergency());
    await tickerItem(page, real).first().waitFor({ timeout: 15_000 });
    expect(await tickerItem(page, drill).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('风暴潮黄色预警信号');
    await mapReady(page);
    await expect.poll(() => layerCount(page, 'alerts'), { timeout: 15_000 }).toBe(realActive);

    await page.goto(`${srv.url}${emergency(true)}`);
    await tickerItem(page, drill).first().waitFor({ timeout: 15_000 });
    expect(await tickerItem(page, real).count(), 'real alerts stay out of the drill view').toBe(0);
    expect(await page.locator('body').innerText()).toContain('演练');
    await mapReady(page);
    await expect.poll(() => layerCount(page, 'alerts'), { timeout: 15_000 }).toBe(1);
  });
});
