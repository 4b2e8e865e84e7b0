import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import { useAlertsStore, useGridStore } from '../../../../client/src/stores/streams.js';
import { createLayerRuntime } from '../../../../client/src/map/layer-runtime.js';
import { mapLayers } from '../../../../client/src/map/layers/index.js';
import { alert, gridCase, mapFormat, yangjiang } from './fixtures.js';

/** Just enough of a MapLibre map to run the layers' glue without WebGL: it records what they do. */
class FakeSource {
  setData = vi.fn();
  updates: GeoJSONSourceDiff[] = [];
  constructor(public data: { features: unknown[] }) {}
  updateData(diff: GeoJSONSourceDiff) {
    this.updates.push(diff);
    return Promise.resolve();
  }
}
class FakeMap {
  sources = new Map<string, FakeSource>();
  /** Feature-state by source, then feature id (what the style would draw). */
  states = new Map<string, Map<string | number | undefined, Record<string, unknown>>>();
  repaints = 0;
  style = {
    setFeatureState: (f: { source: string; id?: string | number }, state: Record<string, unknown>) => {
      const bySource = this.states.get(f.source) ?? this.states.set(f.source, new Map()).get(f.source)!;
      bySource.set(f.id, { ...bySource.get(f.id), ...state });
    },
    removeFeatureState: (f: { source: string; id?: string | number }) => {
      if (f.id === undefined) this.states.delete(f.source);
      else this.states.get(f.source)?.delete(f.id);
    },
  };
  removeFeatureState = (f: { source: string; id?: string | number }) => this.style.removeFeatureState(f);
  setFeatureState = (f: { source: string; id?: string | number }, state: Record<string, unknown>) => this.style.setFeatureState(f, state);
  triggerRepaint = () => void this.repaints++;
  order: string[] = [];
  layers = new Map<string, { id: string; type: string }>();
  hits: MapGeoJSONFeature[] = [];
  addSource(id: string, spec: { data: { features: unknown[] } }) {
    this.sources.set(id, new FakeSource(spec.data));
  }
  addLayer(layer: { id: string; type: string }, before?: string) {
    this.layers.set(layer.id, layer);
    const at = before ? this.order.indexOf(before) : -1;
    if (at === -1) this.order.push(layer.id);
    else this.order.splice(at, 0, layer.id);
  }
  getLayer = (id: string) => this.layers.get(id);
  getSource = (id: string) => this.sources.get(id);
  getLayersOrder = () => [...this.order];
  removeLayer = (id: string) => {
    this.layers.delete(id);
    this.order = this.order.filter((l) => l !== id);
  };
  removeSource = (id: string) => this.sources.delete(id);
  setLayoutProperty = vi.fn();
  setPaintProperty = vi.fn();
  queryRenderedFeatures = () => this.hits;
}

describe('layer runtime on a map', () => {
  let frames: FrameRequestCallback[];
  const nextFrame = () => frames.splice(0).forEach((cb) => cb(0));
  beforeEach(() => {
    setActivePinia(createPinia());
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  const start = (mode: 'real' | 'drill' = 'real') => {
    const map = new FakeMap();
    const changed = vi.fn();
    const runtime = createLayerRuntime(map as unknown as MapLibreMap, mapLayers.all(), { mode, city: yangjiang(), choropleth: () => 'cases', fmt: mapFormat(), changed });
    return { map, runtime, changed };
  };

  it('applies a burst of case changes as one update per frame: updateData for the worker, feature-state for colours, never a setData', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('a'), gridCase('b')]);
    const { map, runtime } = start();
    runtime.setVisible('cases', true);
    const source = map.sources.get('cases')!;
    expect(source.data.features).toHaveLength(2);

    grid.applyDelta([gridCase('a', { status: 'dispatched' })]);
    grid.applyDelta([gridCase('c'), gridCase('a', { status: 'in_progress', overdue: true }), gridCase('b', { status: 'dispatched' })]);
    expect(source.updates).toHaveLength(0);
    nextFrame();
    expect(source.updates).toHaveLength(1);
    expect(source.updates[0]!.add!.map((f) => f.properties!.id)).toEqual(['c']);
    // Overdue clusters and sorts (the worker must know); the status only colours (feature-state).
    expect(source.updates[0]!.update).toEqual([{ id: 'a', addOrUpdateProperties: [{ key: 'overdue', value: true }] }]);
    expect(map.states.get('cases')).toEqual(new Map([['a', { status: 'in_progress' }], ['b', { status: 'dispatched' }]]));
    expect(map.repaints).toBe(1);
    expect(source.setData).not.toHaveBeenCalled();
    expect(runtime.counts().cases).toBe(3);
  });

  it('sends nothing to the worker when only statuses change', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('a'), gridCase('b')]);
    const { map, runtime } = start();
    runtime.setVisible('cases', true);
    const source = map.sources.get('cases')!;
    grid.applyDelta([gridCase('a', { status: 'dispatched' }), gridCase('b', { status: 'in_progress' })]);
    nextFrame();
    expect(source.updates).toHaveLength(0);
    expect(map.states.get('cases')).toEqual(new Map([['a', { status: 'dispatched' }], ['b', { status: 'in_progress' }]]));
    expect(map.repaints).toBe(1);
  });

  it('redraws once from a new snapshot (a resync), not item by item', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('a')]);
    const { map, runtime } = start();
    runtime.setVisible('cases', true);
    grid.applySnapshot([gridCase('x'), gridCase('y')]);
    nextFrame();
    const source = map.sources.get('cases')!;
    expect(source.setData).toHaveBeenCalledTimes(1);
    expect(source.setData.mock.calls[0]![0].features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['x', 'y']);
    expect(source.updates).toHaveLength(0);
    // Colours set as feature-state before the snapshot no longer apply to the redrawn source.
    expect(map.states.has('cases')).toBe(false);
  });

  it('reads only the drill partition in drill mode: real changes never reach a drill map', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('real-1'), gridCase('drill-1', { exercise: true })]);
    const { map, runtime } = start('drill');
    runtime.setVisible('cases', true);
    const source = map.sources.get('cases')!;
    expect(source.data.features.map((f) => (f as { properties: { id: string } }).properties.id)).toEqual(['drill-1']);
    grid.applyDelta([gridCase('real-2')]);
    nextFrame();
    expect(source.updates).toHaveLength(0);
    grid.applyDelta([gridCase('drill-2', { exercise: true })]);
    nextFrame();
    expect(source.updates[0]!.add!.map((f) => f.properties!.id)).toEqual(['drill-2']);
  });

  it('creates a layer when first shown, in drawing order, and hides it without dropping it', () => {
    const { map, runtime } = start();
    expect(map.sources.size).toBe(0);
    runtime.setVisible('alerts', true);
    runtime.setVisible('cases', true);
    runtime.setVisible('case-hex', true);
    const order = map.getLayersOrder();
    expect(order.indexOf('case-hex-fill')).toBeLessThan(order.indexOf('cases-clusters'));
    expect(order.indexOf('cases-points')).toBeLessThan(order.indexOf('alerts-fill'));
    runtime.setVisible('cases', false);
    expect(map.setLayoutProperty).toHaveBeenCalledWith('cases-points', 'visibility', 'none');
    expect(map.sources.has('cases')).toBe(true);
    expect(runtime.legend().map((s) => s.id)).toEqual(['alerts', 'case-hex']);
  });

  it('removes a cancelled alert\'s shapes, and stops listening once disposed', () => {
    const alerts = useAlertsStore();
    alerts.applySnapshot([alert('a1'), alert('a2')]);
    const { map, runtime } = start();
    runtime.setVisible('alerts', true);
    const source = map.sources.get('alerts')!;
    alerts.applyDelta([alert('a1', { state: 'cancelled' })]);
    nextFrame();
    expect(source.updates[0]!.remove).toEqual(['a1/0', 'a1/marker']);
    runtime.dispose();
    expect(map.sources.size).toBe(0);
    alerts.applyDelta([alert('a3')]);
    nextFrame();
    expect(source.updates).toHaveLength(1);
  });

  it('opens the dot under a click before the translucent area around it', () => {
    const grid = useGridStore();
    grid.applySnapshot([gridCase('c1', { title: '井盖缺失' })]);
    useAlertsStore().applySnapshot([alert('a1')]);
    const { map, runtime } = start();
    runtime.setVisible('cases', true);
    runtime.setVisible('alerts', true);
    const hit = (layer: string, type: string, properties: Record<string, unknown>) => ({ layer: { id: layer, type }, properties }) as unknown as MapGeoJSONFeature;
    map.hits = [hit('alerts-fill', 'fill', { alertId: 'a1' }), hit('cases-points', 'circle', { id: 'c1' })];
    expect(runtime.pick({ x: 10, y: 10 }, { lng: 0, lat: 0 } as never)).toMatchObject({ layer: 'cases', details: { title: '井盖缺失' } });
    map.hits = [hit('alerts-fill', 'fill', { alertId: 'a1' })];
    expect(runtime.pick({ x: 10, y: 10 }, { lng: 0, lat: 0 } as never)).toMatchObject({ layer: 'alerts', details: { title: 'headline a1' } });
    runtime.setVisible('alerts', false);
    map.hits = [];
    expect(runtime.pick({ x: 10, y: 10 }, { lng: 0, lat: 0 } as never)).toBeNull();
  });
});
