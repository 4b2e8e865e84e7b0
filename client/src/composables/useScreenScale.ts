import { inject, provide, ref, onMounted, onUnmounted, type InjectionKey, type Ref } from 'vue';

/** The size every screen document is laid out at, in design pixels. */
export const DESIGN = { width: 1920, height: 1080 } as const;

/** How a design canvas sits in a viewport: uniform scale and the letterbox offsets. */
export interface Fit {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** Fits the design canvas into a viewport keeping its aspect, centred with letterbox bars. */
export function fitCanvas(viewportW: number, viewportH: number, design: { width: number; height: number } = DESIGN): Fit {
  const scale = Math.min(viewportW / design.width, viewportH / design.height);
  return { scale, offsetX: (viewportW - design.width * scale) / 2, offsetY: (viewportH - design.height * scale) / 2 };
}

/**
 * Backing-store pixel ratio for a canvas drawn in design pixels and then scaled by the
 * canvas transform: rendering at `devicePixelRatio × scale` keeps charts and the map sharp
 * at 4K and at 125–250 % OS scaling instead of stretching a bitmap.
 */
export function canvasPixelRatio(scale: number, devicePixelRatio: number): number {
  return Math.max(1, devicePixelRatio * scale);
}

const KEY: InjectionKey<Ref<Fit>> = Symbol('screen-fit');

/** Tracks the window and provides the fit to every widget below (for canvas pixel ratios). */
export function provideScreenFit(): Ref<Fit> {
  const fit = ref<Fit>(fitCanvas(window.innerWidth, window.innerHeight));
  const update = () => (fit.value = fitCanvas(window.innerWidth, window.innerHeight));
  onMounted(() => window.addEventListener('resize', update));
  onUnmounted(() => window.removeEventListener('resize', update));
  provide(KEY, fit);
  return fit;
}

/** The current fit and the pixel ratio canvases should render at. */
export function useScreenScale(): { fit: Ref<Fit>; pixelRatio: () => number } {
  const fit = inject(KEY, ref({ scale: 1, offsetX: 0, offsetY: 0 }));
  return { fit, pixelRatio: () => canvasPixelRatio(fit.value.scale, window.devicePixelRatio || 1) };
}
