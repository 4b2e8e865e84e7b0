import type { GeoJSONSource, GeoJSONSourceSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { TopicChange } from '../../stores/topic-store.js';
import { createFrameBatch } from './frame-batch.js';
import type { SourceDiffer } from './source-differ.js';

/**
 * The case stream can bring a thousand changes a second: its layers update the map at most once
 * a second, which a leader cannot tell from live and which keeps the main thread idle between.
 */
export const BUSY_STREAM_INTERVAL_MS = 1000;

/** The font every map text is drawn in: the page's own webfont, rasterised locally by MapLibre. */
export const MAP_FONT = ['Noto Sans SC'];

/**
 * One GeoJSON source and the style layers drawing it, added together and removed together.
 * Features are identified by their `id` property (`promoteId`), which `updateData` and
 * feature-state need. Style layer ids start with the map layer's id and a dash (the runtime
 * finds a layer's place in the drawing order by that prefix); they go below `beforeId`.
 */
export function addSourceGroup(
  map: MapLibreMap,
  sourceId: string,
  data: FeatureCollection,
  layers: LayerSpecification[],
  opts: { source?: Partial<GeoJSONSourceSpecification>; beforeId?: string } = {},
) {
  map.addSource(sourceId, { type: 'geojson', data, promoteId: 'id', ...opts.source } as GeoJSONSourceSpecification);
  for (const layer of layers) map.addLayer(layer, opts.beforeId);
  const ids = layers.map((l) => l.id);
  return {
    ids,
    source: () => map.getSource<GeoJSONSource>(sourceId),
    setVisible(visible: boolean) {
      for (const id of ids) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    },
    remove() {
      for (const id of ids) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(sourceId)) map.removeSource(sourceId);
    },
  };
}
export type SourceGroup = ReturnType<typeof addSourceGroup>;

/**
 * Wires a differ to a source: store changes are batched per animation frame, turned into one
 * `updateData` diff (never a `setData` per event), and a snapshot (`reset`) redraws once.
 * `T` is the store's item and `S` what the source draws per key; `expand` maps changed store
 * keys to changed source keys where they differ (cases → hexagons).
 */
export function liveSource<T, S = T>(opts: {
  group: () => SourceGroup | null;
  differ: SourceDiffer<S>;
  keyOf: (item: T) => string;
  /** Every key and item to draw after a reset. */
  all: () => Iterable<[string, S]>;
  /** The current item of a source key; undefined when it is gone (or the layer does not draw it). */
  lookup: (key: string) => S | undefined;
  expand?: (keys: ReadonlySet<string>) => Iterable<string>;
  changed: () => void;
  /** At most one map update per this many ms (see {@link createFrameBatch}); default one per frame. */
  minIntervalMs?: number;
}) {
  const batch = createFrameBatch<T>(opts.keyOf, (keys) => {
    const source = opts.group()?.source();
    if (!source) return;
    if (keys === 'reset') void source.setData(opts.differ.reset(opts.all()));
    else {
      const diff = opts.differ.diff(opts.expand ? opts.expand(keys) : keys, opts.lookup);
      if (!diff) return;
      void source.updateData(diff);
    }
    opts.changed();
  }, { minIntervalMs: opts.minIntervalMs });
  return {
    push: (change: TopicChange<{ id: string }>) => batch.push(change as unknown as TopicChange<T>),
    cancel: batch.cancel,
  };
}
