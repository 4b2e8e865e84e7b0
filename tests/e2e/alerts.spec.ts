import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capXml } from '../fixtures/payloads.js';
import { cityMap, layerCount, mapPixels, mapReady, settle } from './setup/map.js';
import { openScreen, screenPath, STILL } from './setup/screen.js';
import { startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';

const CAP = 'application/cap+xml';
const SENDER = 'yjqx@gd.gov.cn';
const suite = browserSuite();
let srv: ServerProcess;
let n = 0;
const identifier = (what: string) => `e2e-${what}-${Date.now().toString(36)}-${n++}`;

/** Posts one CAP message; resolves with the alert id and the identifier. */
async function postCap(o: Parameters<typeof capXml>[0]): Promise<{ id: string; identifier: string }> {
  const { ids } = await srv.ingest('cap', capXml(o), CAP);
  return { id: ids[0]!, identifier: o.identifier };
}

/** The ticker item of an alert (by its id; the CAP identifier is accepted too). */
const tickerItem = (page: Page, a: { id: string; identifier: string }) => page.locator(`[data-alert-id="${a.id}"], [data-alert-id="${a.identifier}"]`);

/** 阳春市's centre (city pack), where the map draws its name. */
const YANGCHUN = { adcode: '441781', lon: 111.785, lat: 22.172 };
/** A square of ±0.06° round it, as a CAP polygon (lat,lon pairs, closed). */
const AROUND_YANGCHUN = [[-1, -1], [-1, 1], [1, 1], [1, -1], [-1, -1]].map(([a, b]) => `${(YANGCHUN.lat + a! * 0.06).toFixed(3)},${(YANGCHUN.lon + b! * 0.06).toFixed(3)}`).join(' ');

/**
 * Clicks the map a little beside 阳春市's name (names let clicks through) and returns the
 * layer whose details open, or null when none does.
 */
async function clickDrillArea(page: Page): Promise<string | null> {
  await mapReady(page);
  await settle(page);
  const box = (await cityMap(page).locator(`.district-label[data-adcode="${YANGCHUN.adcode}"]`).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + 12);
  const popup = cityMap(page).locator('[data-popup-layer]');
  await popup.waitFor({ timeout: 3000 }).catch(() => undefined);
  return (await popup.count()) ? popup.getAttribute('data-popup-layer') : null;
}

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
    await tickerItem(page, alert).first().waitFor({ timeout: 15_000 });
    expect(await tickerItem(page, alert).first().innerText()).toContain('台风橙色预警信号');
    // The alert's polygon (over 江城区) is drawn: the layer holds it and the map shows it.
    await expect.poll(() => layerCount(page, 'alerts'), { timeout: 15_000 }).toBeGreaterThan(0);
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
    // The drill's area is a square round 阳春市's centre, where the district's name is drawn,
    // so the test knows where on the map to click for it; the real alert lies elsewhere.
    const drill = await postCap({ identifier: identifier('drill'), status: 'Exercise', severity: 'Moderate', event: '风暴潮黄色预警信号', polygon: AROUND_YANGCHUN });
    // A real alert sent after the drill one: once it is on screen, the drill one would be too.
    const real = await postCap({ identifier: identifier('real'), severity: 'Minor', event: '大风蓝色预警信号' });

    const { page } = await suite.context();
    await openScreen(page, srv.url, emergency());
    await tickerItem(page, real).first().waitFor({ timeout: 15_000 });
    expect(await tickerItem(page, drill).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('风暴潮黄色预警信号');
    expect(await clickDrillArea(page), 'no alert where the drill area would be').not.toBe('alerts');

    await page.goto(`${srv.url}${emergency(true)}`);
    await tickerItem(page, drill).first().waitFor({ timeout: 15_000 });
    expect(await tickerItem(page, real).count(), 'real alerts stay out of the drill view').toBe(0);
    expect(await page.locator('body').innerText()).toContain('演练');
    expect(await clickDrillArea(page), 'the drill area is on the drill map').toBe('alerts');
    expect(await cityMap(page).locator('[data-popup-layer]').innerText()).toContain('风暴潮黄色预警信号');
  });
});
