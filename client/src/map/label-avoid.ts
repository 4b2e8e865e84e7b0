import type { Map as MapLibreMap, Marker } from 'maplibre-gl';

/** A screen box in the map container's CSS pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a label may go, in label sizes from its anchor: centred, above, below, right, left (like `text-variable-anchor`). */
const CANDIDATES: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [0, -1],
  [0, 1],
  [1, 0],
  [-1, 0],
];

const hits = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/**
 * The first offset (pixels) that keeps `label` clear of every obstacle, trying the centre,
 * then above, below, right and left with `gap` pixels between; null when none is clear.
 */
export function placeLabel(label: Box, obstacles: readonly Box[], gap = 4): [number, number] | null {
  const w = label.x1 - label.x0 + gap;
  const h = label.y1 - label.y0 + gap;
  for (const [cx, cy] of CANDIDATES) {
    const [dx, dy] = [cx * w, cy * h];
    const moved = { x0: label.x0 + dx, y0: label.y0 + dy, x1: label.x1 + dx, y1: label.y1 + dy };
    if (!obstacles.some((o) => hits(moved, o))) return [dx, dy];
  }
  return null;
}

/** The cluster bubbles of the cases layer (cases.layer.ts) and their radius in pixels, stroke included. */
const CLUSTERS = 'cases-clusters';
const clusterRadius = (count: number) => (count >= 500 ? 26 : count >= 100 ? 20 : count >= 20 ? 16 : 13) + 2;

/**
 * Keeps DOM labels (the district names) off the case clusters and their counts: after the map
 * renders (at most every 250 ms) each label moves to the first clear place around its anchor,
 * or fades when there is none, so a count is never hidden. Returns the unsubscribe function.
 */
export function avoidClusters(map: MapLibreMap, labels: () => Iterable<Marker>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  function place() {
    timer = null;
    const layered = map.getLayer(CLUSTERS) !== undefined;
    for (const marker of labels()) {
      const el = marker.getElement();
      if (el.style.display === 'none') continue;
      const at = map.project(marker.getLngLat());
      const [w, h] = [el.offsetWidth, el.offsetHeight];
      const box = { x0: at.x - w / 2, y0: at.y - h / 2, x1: at.x + w / 2, y1: at.y + h / 2 };
      const around: [[number, number], [number, number]] = [
        [box.x0 - 2 * w, box.y0 - 2 * h],
        [box.x1 + 2 * w, box.y1 + 2 * h],
      ];
      const obstacles = layered
        ? map.queryRenderedFeatures(around, { layers: [CLUSTERS] }).flatMap((f) => {
            if (f.geometry.type !== 'Point') return [];
            const p = map.project(f.geometry.coordinates as [number, number]);
            const r = clusterRadius(Number(f.properties.point_count) || 0);
            return [{ x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r }];
          })
        : [];
      const offset = placeLabel(box, obstacles);
      marker.setOffset(offset ?? [0, 0]);
      el.style.opacity = offset ? '' : '0.2';
    }
  }
  const schedule = () => {
    timer ??= setTimeout(place, 250);
  };
  map.on('render', schedule);
  return () => {
    map.off('render', schedule);
    if (timer) clearTimeout(timer);
  };
}
