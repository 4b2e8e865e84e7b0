import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONFeatureDiff, GeoJSONSourceDiff } from 'maplibre-gl';

/** Feature properties of every layer: `id` is the source's `promoteId`, unique per feature. */
export type FeatureProps = { id: string } & Record<string, string | number | boolean | null>;
export type MapFeature<P extends FeatureProps = FeatureProps> = Feature<Geometry, P>;

/** Points (nearly every feature) compare by coordinates; shapes, rarer, by value. */
function sameGeometry(a: Geometry, b: Geometry): boolean {
  if (a === b) return true;
  if (a.type === 'Point' && b.type === 'Point') return a.coordinates[0] === b.coordinates[0] && a.coordinates[1] === b.coordinates[1];
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Remembers what a GeoJSON source holds and turns changed keys into a `updateData` diff:
 * features of removed keys are removed, new ones added, and for the others only the
 * properties whose value changed (and the geometry, if it moved) are sent. A key may own
 * several features (an alert's polygons and circles). The diff is null when nothing visible
 * changed, so a layer can skip the map entirely.
 */
export function createSourceDiffer<T, P extends FeatureProps = FeatureProps>(toFeatures: (item: T) => MapFeature<P>[]) {
  const shown = new Map<string, Map<string, MapFeature<P>>>();
  let features = 0;

  function put(key: string, item: T | undefined, diff: Required<Pick<GeoJSONSourceDiff, 'add' | 'remove' | 'update'>>) {
    const before = shown.get(key) ?? new Map<string, MapFeature<P>>();
    const after = new Map<string, MapFeature<P>>((item === undefined ? [] : toFeatures(item)).map((f) => [f.properties.id, f]));
    for (const id of before.keys()) if (!after.has(id)) diff.remove.push(id);
    for (const [id, f] of after) {
      const prev = before.get(id);
      if (!prev) {
        diff.add.push(f);
        continue;
      }
      const change: GeoJSONFeatureDiff = { id };
      const props = Object.entries(f.properties).filter(([k, v]) => prev.properties[k] !== v);
      if (props.length > 0) change.addOrUpdateProperties = props.map(([k, v]) => ({ key: k, value: v }));
      if (!sameGeometry(prev.geometry, f.geometry)) change.newGeometry = f.geometry;
      if (change.addOrUpdateProperties || change.newGeometry) diff.update.push(change);
    }
    features += after.size - before.size;
    if (after.size > 0) shown.set(key, after);
    else shown.delete(key);
  }

  return {
    /** Forgets everything and returns the full collection of `items` (for `setData` at start or after a snapshot). */
    reset(items: Iterable<[string, T]>): FeatureCollection<Geometry, P> {
      shown.clear();
      features = 0;
      const sink = { add: [] as Feature[], remove: [], update: [] };
      for (const [key, item] of items) put(key, item, sink);
      return { type: 'FeatureCollection', features: sink.add as MapFeature<P>[] };
    },
    /** The diff that brings the source up to date for `keys`, reading each key's current item (undefined = gone). */
    diff(keys: Iterable<string>, lookup: (key: string) => T | undefined): GeoJSONSourceDiff | null {
      const diff = { add: [] as Feature[], remove: [] as (string | number)[], update: [] as GeoJSONFeatureDiff[] };
      for (const key of keys) put(key, lookup(key), diff);
      return diff.add.length + diff.remove.length + diff.update.length > 0 ? diff : null;
    },
    /** The features drawn now for a key. */
    get(key: string): MapFeature<P>[] {
      return [...(shown.get(key)?.values() ?? [])];
    },
    /** How many features the source holds. */
    size(): number {
      return features;
    },
  };
}
export type SourceDiffer<T, P extends FeatureProps = FeatureProps> = ReturnType<typeof createSourceDiffer<T, P>>;
