import { describe, expect, inject, it } from 'vitest';
import { isLocal } from './setup/browser.js';
import { openScreen, screenPath, screenRoot, STILL, THEMES, until, widgetsReady } from './setup/screen.js';
import { browserSuite } from './setup/suite.js';

const base = inject('aliveUrl');
const suite = browserSuite();

describe('/screen', () => {
  it('sends a signed-out visitor to the login page and shows the screen after signing in', async () => {
    const { page } = await suite.context();
    await page.goto(`${base}/screen`);
    await page.waitForURL((u) => u.pathname === '/login');
    await expect.poll(() => page.locator('input[type=password]').isVisible()).toBe(true);

    await openScreen(page, base, '/screen');
    expect(new URL(page.url()).pathname).toBe('/screen');
    expect(await screenRoot(page).getAttribute('data-theme')).toBe('overview');
    // The header names the city, and the live socket comes up.
    await expect.poll(() => page.locator('body').innerText()).toContain('阳江');
    await expect.poll(() => page.locator('[data-connection]').first().getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');
  });

  it('stays signed in across reloads (the session survives a video-wall browser restart)', async () => {
    const { page } = await suite.context();
    await openScreen(page, base);
    await page.reload();
    await screenRoot(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/screen');
  });

  it("ships a glyph for the rare characters of the city's names (篢 of 织篢镇), in both weights", async () => {
    const { page } = await suite.context();
    await openScreen(page, base);
    const loaded = await page.evaluate(async () =>
      Promise.all(['400', '700'].map(async (w) => (await document.fonts.load(`${w} 16px "Noto Sans SC"`, '篢')).map((f) => `${f.weight} ${f.status} ${f.unicodeRange}`))),
    );
    expect(loaded).toEqual([['400 loaded U+7BE2'], ['700 loaded U+7BE2']]);
  });

  it('requests nothing from any host but this server, on every theme', async () => {
    const g = await suite.context();
    await openScreen(g.page, base);
    for (const theme of THEMES) {
      await g.page.goto(`${base}${screenPath({ ...STILL, theme })}`);
      await until(
        () => screenRoot(g.page).getAttribute('data-theme'),
        (t) => t === theme,
        `theme ${theme}`,
      );
      // Wait until the widgets drew their data, so every lazy chunk, font and map source was fetched.
      await widgetsReady(g.page, `widgets of ${theme} with data`);
    }
    expect(g.foreign).toEqual([]);
    expect(g.sockets.length, 'the live socket was opened').toBeGreaterThan(0);
    expect(g.sockets.filter((u) => !isLocal(u))).toEqual([]);
  });
});
