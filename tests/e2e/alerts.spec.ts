import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capXml } from '../fixtures/payloads.js';
import { loadCityPack } from '../../server/src/city/city-pack.js';
import { labelPoint } from '../../client/src/map/layers/districts.mapping.js';
import { cityMap, layerCount, mapPixels, mapReady, settle } from './setup/map.js';
import { openScreen, screenPath, STILL, until } from './setup/screen.js';
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

/** 阳春市's boundary (city pack) and the point where the map draws its name. */
const YANGCHUN_ADCODE = '441781';
const yangchun = (await loadCityPack('441700')).districts.features.find((f) => f.properties.adcode === YANGCHUN_ADCODE)!;
const [lon, lat] = labelPoint(yangchun.geometry, [0, 0]);
/** A square of ±0.06° round the name, as a CAP polygon (lat,lon pairs, closed). */
const AROUND_YANGCHUN = [
  [-1, -1],
  [-1, 1],
  [1, 1],
  [1, -1],
  [-1, -1],
]
  .map(([a, b]) => `${(lat + a! * 0.06).toFixed(3)},${(lon + b! * 0.06).toFixed(3)}`)
  .join(' ');

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
    // The Cancel names the red alert by sender, identifier and sent (CAP 1.2), so `sent` is the one it was sent with.
    const red = await postCap({ identifier: identifier('red'), sent, severity: 'Extreme', event: '暴雨红色预警信号' });
    await banner.first().waitFor({ timeout: 15_000 });
    expect(await banner.first().innerText()).toContain('暴雨红色预警信号');

    await postCap({ identifier: identifier('cancel'), msgType: 'Cancel', references: `${SENDER},${red.identifier},${sent}` });
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => tickerItem(page, red).count(), { timeout: 15_000 }).toBe(0);
  });

  it('an alert area is drawn where it lies: a square round 阳春市 centres on the district’s name', async () => {
    const { page } = await suite.context();
    await openScreen(page, srv.url, emergency());
    await mapReady(page);
    await settle(page);
    const before = await mapPixels(page);
    await postCap({ identifier: identifier('yangchun'), severity: 'Moderate', event: '暴雨黄色预警信号', polygon: AROUND_YANGCHUN });
    await expect.poll(async () => (await mapPixels(page, before)).changed, { timeout: 15_000 }).toBeGreaterThan(200);
    await settle(page);
    const drawn = (await mapPixels(page, before)).changedAt!;
    const label = (await cityMap(page).locator(`.district-label[data-adcode="${YANGCHUN_ADCODE}"]`).boundingBox())!;
    const name = { x: label.x + label.width / 2, y: label.y + label.height / 2 };
    // The square is ≈ 45 px wide here; its name must sit on it, not beside it.
    expect(Math.hypot(drawn.x - name.x, drawn.y - name.y), `area drawn at ${JSON.stringify(drawn)}, name at ${JSON.stringify(name)}`).toBeLessThan(12);
  });

  it('an Exercise alert shows only in the drill view, marked 演练, and never in the real view', async () => {
    const { page } = await suite.context();
    await openScreen(page, srv.url, emergency());
    await mapReady(page);
    const realBefore = (await layerCount(page, 'alerts'))!;

    // Drill and real alert have the same shape (one polygon), so each draws as many map features.
    const drill = await postCap({ identifier: identifier('drill'), status: 'Exercise', severity: 'Moderate', event: '风暴潮黄色预警信号', polygon: AROUND_YANGCHUN });
    // Sent after the drill one: once it is on screen, the drill one would be too.
    const real = await postCap({ identifier: identifier('real'), severity: 'Minor', event: '大风蓝色预警信号' });
    await tickerItem(page, real).first().waitFor({ timeout: 15_000 });
    expect(await tickerItem(page, drill).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('风暴潮黄色预警信号');
    await settle(page);
    const realAdded = (await layerCount(page, 'alerts'))! - realBefore;

    await page.goto(`${srv.url}${emergency(true)}`);
    await tickerItem(page, drill).first().waitFor({ timeout: 15_000 });
    expect(await tickerItem(page, real).count(), 'real alerts stay out of the drill view').toBe(0);
    expect(await page.locator('body').innerText()).toContain('演练');
    await mapReady(page);
    const drillDrawn = await until(
      () => layerCount(page, 'alerts'),
      (n) => (n ?? 0) > 0,
      'the drill alert on the drill map',
    );
    expect(realAdded, 'the real map gained the real alert only, not the drill one').toBe(drillDrawn);
  });
});
