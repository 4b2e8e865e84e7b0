import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { AttributionControl, Map as MapLibreMap, setWorkerUrl, type LngLatBoundsLike, type PaddingOptions } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../map/attribution.css';
import { basemapStyle } from '../map/basemap.js';
import { useReferenceStore } from '../stores/reference.js';
import { parseMapFocus } from '../map/focus.js';
import { useScreenScale } from './useScreenScale.js';

// Bundled, the library cannot find its worker next to itself: point it at the copy Vite emits.
setWorkerUrl(workerUrl);

/** The screen's `?map=` focus (docs/OPERATIONS.md), if any. */
const focus = parseMapFocus(typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('map'));

/**
 * A MapLibre map on `container` with the offline style, rendering at the screen's pixel ratio
 * (devicePixelRatio × canvas scale, re-applied when the fit changes, so it stays crisp at 4K),
 * fitted to `bounds()` on load and whenever the container is resized, leaving `padding(width,
 * height)` free (where overlays sit) — or, with the screen's `?map=` focus, centred there at
 * its zoom. Removed on unmount.
 *
 * The canvas lives inside the CSS-scaled design box; MapLibre divides pointer positions by the
 * container's on-screen/layout size ratio, so clicks land on the right feature under the scale.
 */
export function useMapLibre(
  container: Ref<HTMLElement | null>,
  bounds: () => LngLatBoundsLike | null,
  padding: (width: number, height: number) => PaddingOptions,
): { map: ShallowRef<MapLibreMap | null>; loaded: Ref<boolean>; fitCity(): void } {
  const { fit, pixelRatio } = useScreenScale();
  const map = shallowRef<MapLibreMap | null>(null);
  const loaded = ref(false);
  let observer: ResizeObserver | null = null;

  function fitCity() {
    const m = map.value;
    const b = bounds();
    const { clientWidth: w, clientHeight: h } = m?.getContainer() ?? { clientWidth: 0, clientHeight: 0 };
    if (!m || !b || w === 0 || h === 0) return;
    m.setMinZoom(0);
    m.fitBounds(b, { padding: padding(w, h), duration: 0 });
    // Not much further out than the whole city: beyond it the offline basemap has no land.
    m.setMinZoom(Math.max(0, m.getZoom() - 1.5));
    if (focus) m.jumpTo(focus);
  }

  const reference = useReferenceStore();
  let unmounted = false;

  /** Created once the reference data says which basemap the city uses (the built-in one if it cannot tell). */
  async function create() {
    const spec = await reference.load().then(
      (c) => c.basemap,
      () => undefined,
    );
    if (unmounted || !container.value) return;
    const m = new MapLibreMap({
      container: container.value,
      style: basemapStyle(spec, location.href),
      pixelRatio: pixelRatio(),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      renderWorldCopies: false,
      fadeDuration: 0,
      localIdeographFontFamily: "'Noto Sans SC', sans-serif",
    });
    // A city's own basemap is credited (BASEMAP_ATTRIBUTION, or its style's sources); the built-in one needs no credit. Bottom left: the legend holds the right.
    if (spec && spec.kind !== 'builtin') m.addControl(new AttributionControl({ compact: false }), 'bottom-left');
    m.touchZoomRotate.disableRotation();
    m.keyboard.disableRotation();
    m.once('load', () => {
      loaded.value = true;
      fitCity();
    });
    map.value = m;
    observer = new ResizeObserver(() => {
      m.resize();
      fitCity();
    });
    observer.observe(container.value);
  }

  onMounted(() => void create());

  watch(fit, () => map.value?.setPixelRatio(pixelRatio()));

  onBeforeUnmount(() => {
    unmounted = true;
    observer?.disconnect();
    map.value?.remove();
    map.value = null;
    loaded.value = false;
  });

  return { map, loaded, fitCity };
}
