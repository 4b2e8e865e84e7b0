import type { Locator, Page } from 'playwright-core';

/** What a screenshot of an element shows, reduced to numbers a test can judge. */
export interface PixelSummary {
  /** Distinct colours after quantising each channel to 32 levels. */
  colours: number;
  /** Pixels that differ (any channel by more than 24) from the `before` screenshot, if given. */
  changed: number;
  total: number;
}

/**
 * Screenshots `target` (what the compositor shows, so it works for WebGL canvases that do
 * not keep their drawing buffer) and summarises it in the page, which decodes PNG natively.
 */
export async function pixelSummary(page: Page, target: Locator, before?: Buffer): Promise<PixelSummary & { png: Buffer }> {
  const png = await target.screenshot();
  const summary = await page.evaluate(
    async ([now, then]) => {
      const decode = async (b64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const a = await decode(now);
      const b = then ? await decode(then) : null;
      const colours = new Set<number>();
      let changed = 0;
      for (let i = 0; i < a.length; i += 4) {
        colours.add(((a[i]! >> 3) << 10) | ((a[i + 1]! >> 3) << 5) | (a[i + 2]! >> 3));
        if (b && b.length === a.length && (Math.abs(a[i]! - b[i]!) > 24 || Math.abs(a[i + 1]! - b[i + 1]!) > 24 || Math.abs(a[i + 2]! - b[i + 2]!) > 24)) changed++;
      }
      return { colours: colours.size, changed, total: a.length / 4 };
    },
    [png.toString('base64'), before?.toString('base64') ?? null] as const,
  );
  return { ...summary, png };
}
