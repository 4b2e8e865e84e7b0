import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openScreen, screenPath, screenRoot, STILL, THEMES, widgetsReady } from './setup/screen.js';
import { ROOT } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';

const base = inject('aliveUrl');
const suite = browserSuite();
/** Git-ignored; CI keeps them as the run's artifacts. */
const ARTIFACTS = `${ROOT}tests/e2e/artifacts`;

/** Backing-store pixels per CSS pixel of every canvas on the screen, as drawn after the fit transform. */
function canvasDensities(page: Page): Promise<{ id: string; ratio: number }[]> {
  return page.$$eval('[data-theme] canvas', (canvases) =>
    canvases
      .map((c) => ({ c: c as HTMLCanvasElement, r: c.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 20 && r.height > 20)
      .map(({ c, r }) => ({ id: c.closest('[data-widget-id]')?.getAttribute('data-widget-id') ?? c.className, ratio: c.width / r.width })),
  );
}

/** Opens a theme, waits until every widget drew data and the map settled, and saves a screenshot. */
async function shoot(page: Page, theme: string, file: string): Promise<void> {
  await openScreen(page, base, screenPath({ ...STILL, theme }));
  await widgetsReady(page, `widgets of ${theme} with data`);
  await page.waitForTimeout(2500); // chart entry animations and map tiles
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${file}` });
}

const SIZES = [
  { width: 1920, height: 1080, deviceScaleFactor: 1 },
  { width: 1920, height: 1080, deviceScaleFactor: 2 }, // a 4K panel at 200 % OS scaling
  { width: 3840, height: 2160, deviceScaleFactor: 1 },
  { width: 3840, height: 1080, deviceScaleFactor: 1 }, // a wide video wall: letterboxed
];

describe('screenshots (saved under tests/e2e/artifacts/)', () => {
  for (const size of SIZES) {
    it(`${size.width}×${size.height} at ${size.deviceScaleFactor}×: fitted 16:9 and canvases drawn at full resolution`, async () => {
      const { page } = await suite.context(size);
      await shoot(page, 'overview', `overview-${size.width}x${size.height}@${size.deviceScaleFactor}x.png`);
      // The root fills the window; its child is the 1920×1080 design box, scaled and letterboxed.
      const box = (await screenRoot(page).locator(':scope > div').first().boundingBox())!;
      const scale = Math.min(size.width / 1920, size.height / 1080);
      expect(box.width).toBeCloseTo(1920 * scale, 0);
      expect(box.height).toBeCloseTo(1080 * scale, 0);
      expect(box.x).toBeCloseTo((size.width - box.width) / 2, 0);
      expect(box.y).toBeCloseTo((size.height - box.height) / 2, 0);
      // A canvas whose backing store is smaller than its on-screen size is a stretched, blurry bitmap.
      const densities = await canvasDensities(page);
      expect(densities.length, 'the map and the charts draw on canvases').toBeGreaterThan(0);
      for (const d of densities) expect(d.ratio, `canvas of ${d.id}`).toBeGreaterThanOrEqual(size.deviceScaleFactor * 0.95);
    });
  }

  it('?kiosk=1 shows the screen without cursor or controls', async () => {
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ theme: 'overview' }));
    await page.goto(`${base}${screenPath({ theme: 'overview', kiosk: 1 })}`);
    await widgetsReady(page, 'widgets with data in kiosk mode');
    expect(await screenRoot(page).isVisible(), 'the screen itself stays visible').toBe(true);
    expect(await page.locator('[data-layer-toggle]').first().isVisible(), 'map controls hidden').toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-widget-id]')!).cursor)).toBe('none');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/overview-kiosk-1920x1080@1x.png` });
  });

  it('every theme at 1920×1080', async () => {
    const { page } = await suite.context();
    for (const theme of THEMES) await shoot(page, theme, `${theme}-1920x1080@1x.png`);
  });
});
