import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { cityMap, LAYER_IDS, layerCount, layerToggle, mapPixels, mapReady, settle } from './setup/map.js';
import { openScreen, screenPath, until } from './setup/screen.js';
import { gridEvent, YANGCHUN } from '../fixtures/payloads.js';
import { postIngest, ROOT } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';

const base = inject('aliveUrl');
const suite = browserSuite();
const CITY = JSON.parse(readFileSync(`${ROOT}mock-data/cities/441700/city.json`, 'utf8')) as { districts: { adcode: string; name: string }[] };
/** Pixels a drawn layer must change at least when it is shown or hidden (live updates change far fewer in a second). */
const MIN_CHANGED = 40;

describe('the city map (城市运行一张图)', () => {
  it('draws the district boundaries with every district named', async () => {
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ theme: 'emergency' }));
    await mapReady(page);
    const mapBox = (await cityMap(page).boundingBox())!;
    for (const d of CITY.districts) {
      const label = cityMap(page).locator(`.district-label[data-adcode="${d.adcode}"]`);
      await label.waitFor();
      expect(await label.innerText()).toContain(d.name);
      const box = (await label.boundingBox())!;
      expect(box.x >= mapBox.x && box.x + box.width <= mapBox.x + mapBox.width && box.y >= mapBox.y && box.y + box.height <= mapBox.y + mapBox.height, `${d.name} inside the map`).toBe(true);
    }
    expect(await layerCount(page, 'districts')).toBe(CITY.districts.length);

    await settle(page);
    const shown = await mapPixels(page);
    expect(shown.colours, 'sea, land, district fills and boundaries').toBeGreaterThan(8);
    // Hiding the district layer takes its boundaries and fills off the canvas, and its names off the map.
    await layerToggle(page, 'districts').click();
    await settle(page);
    const hidden = await mapPixels(page, shown);
    expect(hidden.changed).toBeGreaterThan(MIN_CHANGED);
    expect(await cityMap(page).locator('.district-label').first().isVisible()).toBe(false);
  });

  it('shows and hides each layer with its toggle, and every layer has data', async () => {
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ theme: 'grid' }));
    await mapReady(page);
    for (const id of LAYER_IDS) {
      const toggle = layerToggle(page, id);
      const pressed = await toggle.getAttribute('aria-pressed');
      await settle(page);
      const before = await mapPixels(page);
      await toggle.click();
      await settle(page);
      const flipped = await mapPixels(page, before);
      expect(await toggle.getAttribute('aria-pressed'), id).toBe(pressed === 'true' ? 'false' : 'true');
      // A hidden layer is created when first shown; from then on its toggle reports its features.
      const count = await until(
        () => layerCount(page, id),
        (n) => (n ?? 0) > 0,
        `${id} layer with features`,
      );
      expect(flipped.changed, `${id} (${count} features) changes the map when toggled`).toBeGreaterThan(MIN_CHANGED);
      await toggle.click();
      await settle(page);
      const back = await mapPixels(page, flipped);
      expect(await toggle.getAttribute('aria-pressed')).toBe(pressed);
      expect(back.changed, `${id} toggled back`).toBeGreaterThan(MIN_CHANGED);
    }
  });

  it('opens the details of a clicked feature', async () => {
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ theme: 'emergency' }));
    await mapReady(page);
    await settle(page);
    // District labels let clicks through to the map: click where 阳春市 is named.
    const box = (await cityMap(page).locator(`.district-label[data-adcode="441781"]`).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const popup = cityMap(page).locator('[data-popup-layer]');
    await popup.waitFor({ timeout: 5000 });
    expect((await popup.innerText()).trim()).not.toBe('');
  });

  it("opens a case's details, asked of the live worker that holds the cases", async () => {
    // A case of its own at a spot of its own, and the map at street level right over it (?map=):
    // a few km out of the town centre, where the simulated city's cases cluster (CI once clicked
    // one of those, 共享单车乱停放 at 春城大道, 200 m from the old spot, on top of this case).
    const spot = { lon: +(YANGCHUN.lon + 0.0237 + Math.random() * 1e-4).toFixed(6), lat: +(YANGCHUN.lat + 0.0161).toFixed(6) };
    const title = `井盖缺失 e2e-${Date.now().toString(36)}`;
    await postIngest(base, 'grid-events', [gridEvent({ title, location: spot })]);
    const { page } = await suite.context();
    await openScreen(page, base, screenPath({ theme: 'grid', map: `${spot.lon},${spot.lat},18` }));
    await mapReady(page);
    const box = (await cityMap(page).locator('canvas').first().boundingBox())!;
    const popup = cityMap(page).locator('[data-popup-layer="cases"]');
    // The case reaches the map through the worker's view within a second or so: click until its dot is there.
    await until(
      async () => {
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return (await popup.count()) > 0 ? await popup.innerText() : '';
      },
      (text) => text.includes(title),
      'the case popup',
    );
    expect(await popup.innerText()).toContain('阳春市');
  });
});
