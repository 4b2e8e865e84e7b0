import type { Locator, Page } from 'playwright-core';

/** Every map layer the client contract names. */
export const LAYER_IDS = ['districts', 'cases', 'case-hex', 'air', 'water', 'alerts', 'resources', 'cameras'] as const;

/** The map of the current theme. */
export const cityMap = (page: Page): Locator => page.locator('[data-testid="city-map"]').first();

/** The layer toggle button of `id`. */
export const layerToggle = (page: Page, id: string): Locator => cityMap(page).locator(`[data-layer-toggle="${id}"]`);

/** Features the layer draws, as its toggle reports them (`data-count`); null while unknown. */
export async function layerCount(page: Page, id: string): Promise<number | null> {
  const v = await layerToggle(page, id).getAttribute('data-count');
  return v === null ? null : Number(v);
}

/** Waits until the map has loaded its style and the city (its `data-empty` turns false). */
export async function mapReady(page: Page): Promise<void> {
  await page.locator('[data-testid="city-map"][data-empty="false"]').first().waitFor({ timeout: 30_000 });
}

/** What a screenshot of the map shows, reduced to numbers a test can judge. */
export interface MapPixels {
  png: Buffer;
  /** Distinct colours after quantising each channel to 32 levels. */
  colours: number;
  /** Pixels that differ clearly (a channel by more than 24) from the `before` screenshot. */
  changed: number;
  /** Where those pixels are, on average, in page coordinates; null when none changed. */
  changedAt: { x: number; y: number } | null;
}

/**
 * Screenshots the map's canvas (what the compositor shows, so it works although WebGL does
 * not keep its drawing buffer) and summarises it in the page, which decodes PNG natively.
 */
export async function mapPixels(page: Page, before?: MapPixels): Promise<MapPixels> {
  const canvas = cityMap(page).locator('canvas').first();
  const png = await canvas.screenshot();
  const box = (await canvas.boundingBox())!;
  const summary = await page.evaluate(
    async ([now, then]) => {
      // Decoded from bytes, not fetched from a data: URL, which the page's CSP refuses.
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const img = await decode(now);
      const { data: a, width } = img;
      const b = then ? (await decode(then)).data : null;
      const colours = new Set<number>();
      let changed = 0;
      let sx = 0;
      let sy = 0;
      for (let i = 0; i < a.length; i += 4) {
        colours.add(((a[i]! >> 3) << 10) | ((a[i + 1]! >> 3) << 5) | (a[i + 2]! >> 3));
        if (b && b.length === a.length && [0, 1, 2].some((c) => Math.abs(a[i + c]! - b[i + c]!) > 24)) {
          changed++;
          sx += (i / 4) % width;
          sy += Math.floor(i / 4 / width);
        }
      }
      return { colours: colours.size, changed, at: changed ? { x: sx / changed, y: sy / changed } : null };
    },
    [png.toString('base64'), before?.png.toString('base64') ?? null] as const,
  );
  // Screenshot pixels are device pixels; page coordinates are CSS pixels.
  const k = 1 / scaleOf(png, box);
  const changedAt = summary.at && { x: box.x + summary.at.x * k, y: box.y + summary.at.y * k };
  return { png, colours: summary.colours, changed: summary.changed, changedAt };
}

/** Device pixels per CSS pixel of a screenshot of `box` (from the PNG header's width). */
function scaleOf(png: Buffer, box: { width: number }): number {
  return png.readUInt32BE(16) / box.width;
}

/** Lets MapLibre draw what just changed (it renders on the next animation frames). */
export async function settle(page: Page, ms = 600): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(ms);
}

/** A colour to look for and how far (per channel) a pixel may stray from it and still count. */
export interface ColourProbe {
  rgb: readonly [number, number, number];
  tolerance: readonly [number, number, number];
}

/**
 * The share (0–1) of the map canvas's pixels near each probe's colour, from a screenshot (so
 * translucent overlays drawn on top count as what a person sees); the PNG comes back too.
 */
export async function colourShares(page: Page, probes: readonly ColourProbe[]): Promise<{ shares: number[]; png: Buffer }> {
  const png = await cityMap(page).locator('canvas').first().screenshot();
  const shares = await page.evaluate(
    async ([b64, ps]) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const near = ps.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        ps.forEach((p, k) => {
          if ([0, 1, 2].every((c) => Math.abs(data[i + c]! - p.rgb[c]!) <= p.tolerance[c]!)) near[k]!++;
        });
      }
      return near.map((n) => n / (data.length / 4));
    },
    [png.toString('base64'), probes] as const,
  );
  return { shares, png };
}
