import { describe, expect, inject, it } from 'vitest';
import { cityMap, mapReady } from './setup/map.js';
import { openScreen, screenPath, screenRoot, STILL } from './setup/screen.js';
import { browserSuite } from './setup/suite.js';

const base = inject('aliveUrl');
const suite = browserSuite();

/** Values of the vital-sign cards, by metric. */
const cardValues = (page: import('playwright-core').Page) =>
  page.$$eval('[data-widget-type="kpi-cards"] [data-metric]', (cards) => cards.map((c) => [c.getAttribute('data-metric'), (c.querySelector('.value') as HTMLElement).innerText.trim()] as const));

// Issue 10 #13, #17: a grid administrator's wall was all "—", titled 阳江市, with the whole city's map and no sign-out.
describe("a grid administrator's wall (grid / demo, 江城区)", () => {
  it("shows its district's figures, names it, frames the map on it, and signs out", async () => {
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ ...STILL, theme: 'overview' }), 'grid');
    await expect.poll(() => page.locator('.city-name').innerText(), { timeout: 15_000 }).toBe('阳江市 · 江城区');

    // The cards fill with numbers (the server sends the district's signs, never the city's).
    await expect.poll(async () => (await cardValues(page)).filter(([, v]) => /\d/.test(v)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const casesToday = (await cardValues(page)).find(([m]) => m === 'casesToday')![1];
    expect(casesToday).toMatch(/^\d[\d,]*\s*(件)?$/);

    // The map is framed on 江城区: its label is on screen, the far inland 阳春市 is not.
    await mapReady(page);
    const mapBox = (await cityMap(page).boundingBox())!;
    const inside = async (adcode: string) => {
      const box = await cityMap(page).locator(`.district-label[data-adcode="${adcode}"]`).boundingBox();
      return !!box && box.x >= mapBox.x && box.x + box.width <= mapBox.x + mapBox.width && box.y >= mapBox.y && box.y + box.height <= mapBox.y + mapBox.height;
    };
    await expect.poll(() => inside('441702'), { timeout: 15_000 }).toBe(true);
    expect(await inside('441781')).toBe(false);

    // Who is signed in, and the way out.
    expect(await page.locator('[data-testid="user-role"]').innerText()).toBe('网格管理员 · 江城区');
    await page.locator('[data-testid="sign-out"]').click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect(await page.evaluate(() => localStorage.getItem('cockpit.session'))).toBeNull();
    await page.goto(`${base}/screen`);
    await page.waitForURL((u) => u.pathname === '/login');
  });

  it('keeps the sign-out hidden on a kiosk wall until Alt+Shift+U', async () => {
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ ...STILL, kiosk: 1 }), 'grid');
    await screenRoot(page).waitFor();
    const menu = page.locator('[data-testid="user-menu"]');
    expect(await menu.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await page.keyboard.press('Alt+Shift+KeyU');
    await expect.poll(() => menu.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sign-out');
  });
});
