import { describe, expect, it } from 'vitest';
import { DESIGN, canvasPixelRatio, fitCanvas } from '../../../../client/src/composables/useScreenScale.js';

describe('fitCanvas', () => {
  it('maps a 1920×1080 viewport one to one', () => {
    expect(fitCanvas(1920, 1080)).toEqual({ scale: 1, offsetX: 0, offsetY: 0 });
  });

  it('doubles the design box on a 3840×2160 viewport without letterbox', () => {
    expect(fitCanvas(3840, 2160)).toEqual({ scale: 2, offsetX: 0, offsetY: 0 });
  });

  it('keeps the aspect on ultra-wide screens, centring with bars left and right', () => {
    const fit = fitCanvas(5120, 1440);
    expect(fit.scale).toBeCloseTo(4 / 3);
    expect(fit.offsetY).toBe(0);
    expect(fit.offsetX).toBeCloseTo((5120 - 2560) / 2);
    const wide = fitCanvas(3440, 1440);
    expect(wide.offsetX).toBeCloseTo(440);
  });

  it('letterboxes top and bottom on a screen taller than 16:9', () => {
    const fit = fitCanvas(1920, 1200);
    expect(fit.scale).toBe(1);
    expect(fit.offsetX).toBe(0);
    expect(fit.offsetY).toBe(60);
  });
});

describe('canvasPixelRatio', () => {
  // Physical panels, the OS scaling that turns them into CSS viewports, and how many physical
  // pixels the 1920-wide design box covers there: the canvas must have that many backing pixels.
  const panels = [
    { physical: [1920, 1080], dpr: 1, covered: 1920 },
    { physical: [1920, 1080], dpr: 1.25, covered: 1920 },
    { physical: [1920, 1080], dpr: 1.5, covered: 1920 },
    { physical: [3840, 2160], dpr: 1, covered: 3840 },
    { physical: [3840, 2160], dpr: 1.25, covered: 3840 },
    { physical: [3840, 2160], dpr: 1.5, covered: 3840 },
    { physical: [3840, 2160], dpr: 2, covered: 3840 },
    { physical: [3840, 2160], dpr: 2.5, covered: 3840 },
    { physical: [5120, 1440], dpr: 1.25, covered: 2560 },
  ] as const;

  it.each(panels)('renders one backing pixel per physical pixel on $physical at $dpr×', ({ physical, dpr, covered }) => {
    const [pw, ph] = physical;
    const fit = fitCanvas(pw / dpr, ph / dpr);
    expect(DESIGN.width * canvasPixelRatio(fit.scale, dpr)).toBeCloseTo(covered);
  });

  it('is 2 at 3840×2160 and 1 at 1920×1080', () => {
    expect(canvasPixelRatio(fitCanvas(3840, 2160).scale, 1)).toBe(2);
    expect(canvasPixelRatio(fitCanvas(1920, 1080).scale, 1)).toBe(1);
  });

  it('never drops below 1 on a viewport smaller than the design box', () => {
    expect(canvasPixelRatio(fitCanvas(1280, 720).scale, 1)).toBe(1);
  });
});
