import type { GeoJSONSource, GeoJSONSourceSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { TopicChange } from '../../stores/topic-store.js';
import { createFrameBatch } from './frame-batch.js';
import type { SourceDiffer, SourceUpdate } from '../../model/geo/source-differ.js';

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
  map.addSource(sourceId, { type: 'geojson', data, promoteId: 'id', ...opts.source });
  for (const layer of layers) map.addLayer(layer, opts.beforeId);
  const ids = layers.map((l) => l.id);
  const source = () => map.getSource<GeoJSONSource>(sourceId);
  return {
    ids,
    source,
    /** Redraws from a whole collection; feature-state set earlier no longer applies. */
    reset(data: FeatureCollection) {
      const s = source();
      if (!s) return;
      map.removeFeatureState({ source: sourceId });
      void s.setData(data);
    },
    /**
     * Applies a differ's update: one `updateData` for the worker, feature-state for colours.
     * States go to the style one by one and the map repaints once (the map's own
     * `setFeatureState` asks for a repaint per feature, a thousand times for a busy second).
     */
    apply(update: SourceUpdate) {
      const s = source();
      if (!s) return;
      if (update.data) void s.updateData(update.data);
      for (const id of update.cleared) map.style.removeFeatureState({ source: sourceId, id });
      for (const { id, state } of update.states) map.style.setFeatureState({ source: sourceId, id }, state);
      if (update.cleared.length + update.states.length > 0) map.triggerRepaint();
    },
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
 * `updateData` diff plus feature-state for colour-only changes (never a `setData` per event),
 * and a snapshot (`reset`) redraws once. `T` is the store's item and `S` what the source
 * draws per key.
 */
export function liveSource<T, S = T>(opts: {
  group: () => SourceGroup | null;
  differ: SourceDiffer<S>;
  keyOf: (item: T) => string;
  /** Every key and item to draw after a reset. */
  all: () => Iterable<[string, S]>;
  /** The current item of a source key; undefined when it is gone (or the layer does not draw it). */
  lookup: (key: string) => S | undefined;
  changed: () => void;
}) {
  const batch = createFrameBatch<T>(opts.keyOf, (keys) => {
    const group = opts.group();
    if (!group?.source()) return;
    if (keys === 'reset') group.reset(opts.differ.reset(opts.all()));
    else {
      const update = opts.differ.diff(keys, opts.lookup);
      if (!update) return;
      group.apply(update);
    }
    opts.changed();
  });
  return {
    push: (change: TopicChange<{ id: string }>) => batch.push(change as unknown as TopicChange<T>),
    cancel: batch.cancel,
  };
}
