import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openScreen, screenPath, screenRoot, THEMES } from './setup/screen.js';
import { browserSuite } from './setup/suite.js';

const base = inject('aliveUrl');
const suite = browserSuite();
const INTERVAL_S = 3;
/** How long the rotation stays paused after the last interaction (`?quiet=`). */
const QUIET_S = 4;

/** The themes shown during `ms`, in order, sampled every 250 ms; `during` runs on each sample. */
async function themesOver(page: Page, ms: number, during: () => Promise<void> = async () => {}): Promise<string[]> {
  const seen: string[] = [];
  for (const end = Date.now() + ms; Date.now() < end;) {
    const t = (await screenRoot(page).getAttribute('data-theme')) ?? '';
    if (seen.at(-1) !== t) seen.push(t);
    await during();
    await page.waitForTimeout(250);
  }
  return seen;
}

describe('theme carousel', () => {
  it(`rotates through the themes in order every ${INTERVAL_S} s`, async () => {
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ interval: INTERVAL_S }));
    const seen = await themesOver(page, (INTERVAL_S * 3 + 1.5) * 1000);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    // Consecutive themes follow the documents' order, wrapping around.
    for (let i = 1; i < seen.length; i++) {
      expect(THEMES.indexOf(seen[i] as never)).toBe((THEMES.indexOf(seen[i - 1] as never) + 1) % THEMES.length);
    }
  });

  it('pauses while someone interacts with the screen, and resumes after the quiet period', async () => {
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ interval: INTERVAL_S, quiet: QUIET_S }));
    let x = 400;
    const wiggle = async () => {
      x = x === 400 ? 700 : 400;
      await page.mouse.move(x, 540);
    };
    await wiggle();
    const during = await themesOver(page, INTERVAL_S * 3 * 1000, wiggle);
    expect(during, 'no rotation while the pointer moves').toHaveLength(1);
    const after = await themesOver(page, (QUIET_S + INTERVAL_S + 1.5) * 1000);
    expect(after.length, 'rotation resumes once nobody touches the screen').toBeGreaterThan(1);
  });

  it('a theme the carousel brings in draws its charts from the data the app already holds', async () => {
    const { page } = await suite.context();
    // The overview shows the water class mix too, so the readings are in hand long before the
    // carousel reaches 生态环境 and mounts its own water chart.
    await openScreen(page, base, screenPath({ interval: INTERVAL_S }));
    const painted = (theme: string) =>
      page
        .$eval(`[data-theme="${theme}"] [data-widget-id="water"] canvas`, (c) => {
          const { data } = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
          return n / (data.length / 4);
        })
        .catch(() => 0);
    // The readings are in hand: the overview's donut has drawn them (it draws nothing without a
    // graded section, so on a loaded machine this waits for the first water readings).
    await expect.poll(() => painted('overview'), { timeout: 30_000 }).toBeGreaterThan(0.03);
    await page.waitForSelector('[data-theme="environment"] [data-widget-id="water"] canvas', { timeout: 30_000 });
    // The donut alone covers several percent of the chart; a chart left without data stays blank
    // (the entry animation takes about a second, longer on a loaded machine).
    await expect.poll(() => painted('environment'), { timeout: 5_000 }).toBeGreaterThan(0.03);
  });

  it('stays on the theme given by ?theme= (pinned)', async () => {
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ interval: INTERVAL_S, theme: 'environment' }));
    expect(await themesOver(page, INTERVAL_S * 2 * 1000 + 1000)).toEqual(['environment']);
  });
});
