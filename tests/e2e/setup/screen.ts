import type { Locator, Page } from 'playwright-core';

/** The five screen documents, in carousel order (client-contract). */
export const THEMES = ['overview', 'grid', 'emergency', 'environment', 'economy'] as const;
export type ThemeId = (typeof THEMES)[number];

/** A long carousel interval, so a test that looks at one theme is not rotated away from it (a `?theme=` pins it anyway). */
export const STILL = { interval: '3600' };

/** `/screen` with query parameters. */
export function screenPath(params: Record<string, string | number> = {}): string {
  const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `/screen${q ? `?${q}` : ''}`;
}

/** The screen root once the app rendered it. */
export function screenRoot(page: Page): Locator {
  return page.locator('[data-theme]').first();
}

/**
 * Opens `path` and, when the app sends us to the login page, signs in as `leader`/`demo`
 * through the form like a person would; resolves once the screen root is shown.
 */
export async function openScreen(page: Page, base: string, path = screenPath(STILL), user = 'leader'): Promise<void> {
  await page.goto(`${base}${path}`);
  const password = page.locator('input[type=password]');
  await Promise.race([screenRoot(page).waitFor(), password.waitFor()]);
  if (await password.isVisible()) {
    await page.locator('input[name=username], input[autocomplete=username]').first().fill(user);
    await password.fill('demo');
    await password.press('Enter');
    await page
      .waitForURL((u) => u.pathname === '/screen', { timeout: 15_000 })
      .catch(async (err: Error) => {
        const said = await page
          .locator('[role=alert]')
          .allInnerTexts()
          .catch(() => []);
        throw new Error(`sign-in did not reach /screen (at ${page.url()}; the page said: ${said.join(' / ') || 'nothing'}): ${err.message}`);
      });
    // The app may drop the query on its way through the login page; come back to it.
    if (!page.url().endsWith(path)) await page.goto(`${base}${path}`);
  }
  await screenRoot(page).waitFor({ timeout: 30_000 });
}

/** One framed widget as the DOM shows it. */
export interface WidgetState {
  id: string;
  type: string;
  fresh: string | null;
  /** `data-empty` of the widget component's root (the outermost one inside the frame). */
  empty: string | null;
  text: string;
}

/** Every framed widget on the page right now. */
export function widgetStates(page: Page): Promise<WidgetState[]> {
  return page.$$eval('[data-widget-id]', (frames) =>
    frames.map((f) => {
      const own = f.getAttribute('data-empty');
      const inner = f.querySelector('[data-empty]');
      return {
        id: f.getAttribute('data-widget-id') ?? '',
        type: f.getAttribute('data-widget-type') ?? '',
        fresh: f.getAttribute('data-fresh'),
        empty: own ?? inner?.getAttribute('data-empty') ?? null,
        text: (f as HTMLElement).innerText,
      };
    }),
  );
}

/**
 * Waits until every framed widget on the page satisfies `ok` (default: shows data) and
 * returns them; on timeout the error lists only the widgets that did not.
 */
export async function widgetsReady(page: Page, what: string, ok: (w: WidgetState) => boolean = (w) => w.empty === 'false', timeoutMs = 30_000): Promise<WidgetState[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ws = await widgetStates(page);
    if (ws.length > 0 && ws.every(ok)) return ws;
    if (Date.now() > end) {
      const bad = ws.filter((w) => !ok(w)).map(({ id, type, fresh, empty }) => `${id} (${type}): data-empty=${empty}, data-fresh=${fresh}`);
      throw new Error(`timed out waiting for ${what}: ${ws.length ? bad.join('; ') : 'no widgets on the page'}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Polls `read` until `done` holds of its value, or fails with the last value seen. */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last, null, 1).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}
