import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONFeatureDiff, GeoJSONSourceDiff } from 'maplibre-gl';

/** Feature properties of every layer: `id` is the source's `promoteId`, unique per feature. */
export type FeatureProps = { id: string } & Record<string, string | number | boolean | null>;
export type MapFeature<P extends FeatureProps = FeatureProps> = Feature<Geometry, P>;
type PropValue = FeatureProps[string];

/**
 * What brings a source up to date: a `updateData` diff for what the worker must re-tile
 * (features added, removed or moved, and properties that filter, cluster or lay out), and
 * feature-state for properties that only colour (applied on the main thread to the drawn
 * features, no re-tiling). `cleared` are removed features whose state must be dropped, so a
 * feature that comes back starts from its own properties.
 */
export interface SourceUpdate {
  data: GeoJSONSourceDiff | null;
  states: { id: string; state: Record<string, PropValue> }[];
  cleared: string[];
}

/** A drawn feature as the differ remembers it. */
interface Drawn {
  id: string;
  props: Record<string, PropValue>;
  geometry: Geometry;
}
const drawn = (f: MapFeature): Drawn => ({ id: f.properties.id, props: { ...f.properties }, geometry: f.geometry });

interface Out {
  add: Feature[];
  remove: string[];
  update: GeoJSONFeatureDiff[];
  states: SourceUpdate['states'];
}

/** Points (nearly every feature) compare by coordinates; shapes, rarer, by value. */
function sameGeometry(a: Geometry, b: Geometry): boolean {
  if (a === b) return true;
  if (a.type === 'Point' && b.type === 'Point') return a.coordinates[0] === b.coordinates[0] && a.coordinates[1] === b.coordinates[1];
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Remembers what a GeoJSON source holds and turns changed keys into a {@link SourceUpdate}:
 * features of removed keys are removed, new ones added, and for the others only the
 * properties whose value changed (and the geometry, if it moved) are sent. A key may own
 * several features (an alert's polygons and circles).
 *
 * `stateKeys` are properties the style reads as `['coalesce', ['feature-state', k], ['get', k]]`
 * (paint only): a change of one goes out as feature-state, which recolours the drawn feature
 * without MapLibre re-tiling (and, for a clustered source, re-clustering) the whole source. The
 * update is null when nothing visible changed, so a layer can skip the map entirely.
 */
export function createSourceDiffer<T, P extends FeatureProps = FeatureProps>(toFeatures: (item: T) => MapFeature<P>[], opts: { stateKeys?: readonly string[] } = {}) {
  const stateKeys = new Set(opts.stateKeys ?? []);
  /**
   * What the source draws per key: the differ's own copy of each feature's properties (updated
   * in place, so a change leaves no garbage behind; MapLibre keeps the features it was sent).
   */
  const shown = new Map<string, Drawn[]>();
  /** Features whose drawn value of some state key differs from their source properties. */
  const stated = new Set<string>();
  let features = 0;

  /** Brings one drawn feature up to date with `f`, recording what changed (allocates nothing when nothing did). */
  function update(d: Drawn, f: MapFeature<P>, out: Out) {
    let props: GeoJSONFeatureDiff['addOrUpdateProperties'];
    let state: Record<string, PropValue> | undefined;
    for (const k in f.properties) {
      const v = f.properties[k]!;
      if (d.props[k] === v) continue;
      d.props[k] = v;
      if (stateKeys.has(k)) (state ??= {})[k] = v;
      else (props ??= []).push({ key: k, value: v });
    }
    const moved = !sameGeometry(d.geometry, f.geometry);
    if (moved) d.geometry = f.geometry;
    if (props || moved) out.update.push({ id: d.id, ...(props && { addOrUpdateProperties: props }), ...(moved && { newGeometry: f.geometry }) });
    if (state) {
      out.states.push({ id: d.id, state });
      stated.add(d.id);
    }
  }

  function put(key: string, item: T | undefined, out: Out) {
    const before = shown.get(key);
    const next = item === undefined ? [] : toFeatures(item);
    if (!before) {
      if (next.length === 0) return;
      shown.set(key, next.map(drawn));
      out.add.push(...next);
      features += next.length;
      return;
    }
    // Nearly every key draws one feature that stays: update it in place.
    if (before.length === 1 && next.length === 1 && before[0]!.id === next[0]!.properties.id) {
      update(before[0]!, next[0]!, out);
      return;
    }
    const ids = new Set(next.map((f) => f.properties.id));
    for (const d of before) if (!ids.has(d.id)) out.remove.push(d.id);
    const after = next.map((f) => {
      const d = before.find((b) => b.id === f.properties.id);
      if (!d) {
        out.add.push(f);
        return drawn(f);
      }
      update(d, f, out);
      return d;
    });
    features += after.length - before.length;
    if (after.length > 0) shown.set(key, after);
    else shown.delete(key);
  }

  return {
    /** Forgets everything and returns the full collection of `items` (for `setData` at start or after a snapshot; drop all feature-state with it). */
    reset(items: Iterable<[string, T]>): FeatureCollection<Geometry, P> {
      shown.clear();
      stated.clear();
      features = 0;
      const sink: Out = { add: [], remove: [], update: [], states: [] };
      for (const [key, item] of items) put(key, item, sink);
      return { type: 'FeatureCollection', features: sink.add as MapFeature<P>[] };
    },
    /** The update that brings the source up to date for `keys`, reading each key's current item (undefined = gone). */
    diff(keys: Iterable<string>, lookup: (key: string) => T | undefined): SourceUpdate | null {
      const out: Out = { add: [], remove: [], update: [], states: [] };
      for (const key of keys) put(key, lookup(key), out);
      const cleared = out.remove.filter((id) => stated.delete(id));
      const data = out.add.length + out.remove.length + out.update.length > 0 ? { add: out.add, remove: out.remove, update: out.update } : null;
      return data || out.states.length > 0 || cleared.length > 0 ? { data, states: out.states, cleared } : null;
    },
    /** How many features the source holds. */
    size(): number {
      return features;
    },
  };
}
export type SourceDiffer<T, P extends FeatureProps = FeatureProps> = ReturnType<typeof createSourceDiffer<T, P>>;
