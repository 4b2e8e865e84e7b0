import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import type { ViewData, ViewSpec } from '../../../../client/src/live/protocol.js';
import type { LiveSource } from '../../../../client/src/services/live-source.js';
import { useAlertsStore } from '../../../../client/src/stores/streams.js';
import { alert, gridCase, mapFormat, yangjiang } from './fixtures.js';

/** The live worker's side of the case layers, as the page sees it: the views watched, and the answers it gives. */
const worker = {
  views: [] as { id: number; spec: unknown; post: (data: unknown) => void; stopped: boolean }[],
  answers: new Map<string, unknown>(),
};
/** The fake live source the layers get in their context (`ctx.live`), as the page provides the real one. */
const live = {
  watch(spec: unknown, post: (data: unknown) => void) {
    const view = { id: worker.views.length + 1, spec, post, stopped: false };
    worker.views.push(view);
    return { id: view.id, update: (next: unknown) => (view.spec = next), stop: () => (view.stopped = true) };
  },
  ask: async (q: { kind: string; id?: string; clusterId?: number }) => worker.answers.get(`${q.kind}:${q.id ?? q.clusterId}`) ?? null,
} as unknown as LiveSource;
const { createLayerRuntime } = await import('../../../../client/src/map/layer-runtime.js');
const { mapLayers } = await import('../../../../client/src/map/layers/index.js');

/** The view of a kind the layers watch, and what it was asked for. */
function watched<K extends ViewSpec['kind']>(kind: K) {
  const view = worker.views.find((v) => (v.spec as ViewSpec).kind === kind && !v.stopped)!;
  return { spec: () => view.spec as Extract<ViewSpec, { kind: K }>, post: (data: ViewData[K]) => view.post(data), view };
}
const point = (id: string, status = 'registered', lon = 112) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [lon, 21.9] },
  properties: { id, status, overdue: false },
});

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
  easeTo = vi.fn();
  /** The view: [west, south, east, north] and zoom. */
  bounds = [111.5, 21.5, 112.5, 22.5];
  zoom = 9;
  getBounds = () => ({ getWest: () => this.bounds[0]!, getSouth: () => this.bounds[1]!, getEast: () => this.bounds[2]!, getNorth: () => this.bounds[3]! });
  getZoom = () => this.zoom;
  handlers = new Map<string, Set<() => void>>();
  on(event: string, fn: () => void) {
    (this.handlers.get(event) ?? this.handlers.set(event, new Set()).get(event)!).add(fn);
  }
  off(event: string, fn: () => void) {
    this.handlers.get(event)?.delete(fn);
  }
  fire(event: string) {
    for (const fn of this.handlers.get(event) ?? []) fn();
  }
}

describe('layer runtime on a map', () => {
  let frames: FrameRequestCallback[];
  const nextFrame = () => frames.splice(0).forEach((cb) => cb(0));
  beforeEach(() => {
    setActivePinia(createPinia());
    worker.views.length = 0;
    worker.answers.clear();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  const start = (mode: 'real' | 'drill' = 'real') => {
    const map = new FakeMap();
    const changed = vi.fn();
    const runtime = createLayerRuntime(map as unknown as MapLibreMap, mapLayers.all(), { mode, live, city: yangjiang(), choropleth: () => 'cases', fmt: mapFormat(), changed });
    return { map, runtime, changed };
  };

  it('draws the case view the worker posts: a collection first, then updateData diffs and feature-state, never a setData', () => {
    const { map, runtime, changed } = start();
    runtime.setVisible('cases', true);
    const view = watched('case-map');
    expect(view.spec()).toMatchObject({ mode: 'real', zoom: 9, clusterRadius: 42, clusterMaxZoom: 13 });
    // The view box is the map's bounds grown by a tenth on every side.
    expect(view.spec().bbox.map((v) => +v.toFixed(6))).toEqual([111.4, 21.4, 112.6, 22.6]);
    view.post({ reset: { type: 'FeatureCollection', features: [point('a'), point('b')] }, total: 2 });
    const source = map.sources.get('cases')!;
    expect(source.setData).toHaveBeenCalledTimes(1);
    expect(runtime.counts().cases).toBe(2);
    view.post({ update: { data: { add: [point('c')], remove: [], update: [] }, states: [{ id: 'a', state: { status: 'closed' } }], cleared: [] }, total: 3 });
    expect(source.updates.map((u) => u.add!.map((f) => f.properties!.id))).toEqual([['c']]);
    expect(map.states.get('cases')).toEqual(new Map([['a', { status: 'closed' }]]));
    expect(map.repaints).toBe(1);
    expect(source.setData).toHaveBeenCalledTimes(1);
    expect(runtime.counts().cases).toBe(3);
    expect(changed).toHaveBeenCalled();
  });

  it('asks the worker for the new view when the map moves, and stops watching once disposed', () => {
    const { map, runtime } = start();
    runtime.setVisible('cases', true);
    const view = watched('case-map');
    map.bounds = [112, 21.5, 112.5, 22];
    map.zoom = 11;
    map.fire('moveend');
    expect(view.spec().bbox.map((v) => +v.toFixed(6))).toEqual([111.95, 21.45, 112.55, 22.05]);
    expect(view.spec().zoom).toBe(11);
    runtime.dispose();
    expect(view.view.stopped).toBe(true);
    map.fire('moveend');
    expect(view.spec().zoom).toBe(11);
  });

  it('watches the drill partition in drill mode, and the density in cells with its colour scale', () => {
    const { map, runtime, changed } = start('drill');
    runtime.setVisible('cases', true);
    runtime.setVisible('case-hex', true);
    expect(watched('case-map').spec().mode).toBe('drill');
    const hex = watched('case-hex');
    expect(hex.spec()).toEqual({ kind: 'case-hex', mode: 'drill', resolution: 7 });
    const cell = {
      type: 'Feature' as const,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [112, 21.9],
            [112.1, 21.9],
            [112.1, 22],
            [112, 21.9],
          ],
        ],
      },
      properties: { id: '871', count: 3 },
    };
    hex.post({ reset: { type: 'FeatureCollection', features: [cell] }, max: 4, total: 1 });
    expect(map.setPaintProperty).toHaveBeenCalledWith('case-hex-fill', 'fill-color', expect.arrayContaining([4]));
    expect(changed).toHaveBeenLastCalledWith(true);
    expect(runtime.counts()['case-hex']).toBe(1);
    hex.post({ update: { data: null, states: [{ id: '871', state: { count: 2 } }], cleared: [] }, max: 4, total: 1 });
    expect(map.states.get('case-hex')).toEqual(new Map([['871', { count: 2 }]]));
    // The scale did not change: the legend stays.
    expect(changed).toHaveBeenLastCalledWith(false);
  });

  it('zooms into a clicked cluster at the zoom the worker gives', async () => {
    const { map, runtime } = start();
    runtime.setVisible('cases', true);
    worker.answers.set('cluster-zoom:7', 12);
    map.hits = [{ layer: { id: 'cases-clusters', type: 'circle' }, properties: { cluster_id: 7 }, geometry: { type: 'Point', coordinates: [112.1, 21.8] } } as unknown as MapGeoJSONFeature];
    expect(await runtime.pick({ x: 10, y: 10 }, { lng: 0, lat: 0 } as never)).toBeNull();
    expect(map.easeTo).toHaveBeenCalledWith({ center: [112.1, 21.8], zoom: 12 });
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

  it("removes a cancelled alert's shapes, and stops listening once disposed", () => {
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

  it('opens the dot under a click before the translucent area around it, a case as the worker holds it', async () => {
    worker.answers.set('case:c1', gridCase('c1', { title: '井盖缺失' }));
    useAlertsStore().applySnapshot([alert('a1')]);
    const { map, runtime } = start();
    runtime.setVisible('cases', true);
    runtime.setVisible('alerts', true);
    const hit = (layer: string, type: string, properties: Record<string, unknown>) => ({ layer: { id: layer, type }, properties }) as unknown as MapGeoJSONFeature;
    map.hits = [hit('alerts-fill', 'fill', { alertId: 'a1' }), hit('cases-points', 'circle', { id: 'c1' })];
    expect(await runtime.pick({ x: 10, y: 10 }, { lng: 0, lat: 0 } as never)).toMatchObject({ layer: 'cases', details: { title: '井盖缺失' } });
    map.hits = [hit('alerts-fill', 'fill', { alertId: 'a1' })];
    expect(await runtime.pick({ x: 10, y: 10 }, { lng: 0, lat: 0 } as never)).toMatchObject({ layer: 'alerts', details: { title: 'headline a1' } });
    runtime.setVisible('alerts', false);
    map.hits = [];
    expect(await runtime.pick({ x: 10, y: 10 }, { lng: 0, lat: 0 } as never)).toBeNull();
  });
});
