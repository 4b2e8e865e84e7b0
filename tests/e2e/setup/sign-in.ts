import type { Page } from 'playwright-core';

/** Fills the login form the page shows and submits it, like a person would; resolves once the app has left `/login`. */
export async function submitLogin(page: Page, user: string, password = 'demo'): Promise<void> {
  const field = page.locator('input[type=password]');
  await field.waitFor();
  await page.locator('input[name=username], input[autocomplete=username]').first().fill(user);
  await field.fill(password);
  await field.press('Enter');
  await page.waitForURL((u) => u.pathname !== '/login', { timeout: 15_000 });
}

/** Opens `path` on `base`, which sends a signed-out browser to the login page, and signs in there as `user`. */
export async function signInAt(page: Page, base: string, path: string, user: string, password = 'demo'): Promise<void> {
  await page.goto(`${base}${path}`);
  await submitLogin(page, user, password);
}
