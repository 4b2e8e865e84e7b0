import { afterEach, describe, expect, it, vi } from 'vitest';
import Supercluster from 'supercluster';
import type { Feature, Geometry } from 'geojson';
import { CaseMapView } from '../../../../client/src/live/cases/case-map.view.js';
import type { BBox, ViewData, ViewSpec } from '../../../../client/src/live/protocol.js';
import { caseFeature } from '../../../../client/src/model/cases/case-feature.js';
import type { SourceUpdate } from '../../../../client/src/model/geo/source-differ.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { fedView } from './fixtures.js';
import { gridCase } from '../map/fixtures.js';

type MapSpec = Extract<ViewSpec, { kind: 'case-map' }>;
type MapData = ViewData['case-map'];

const CITY: BBox = [111, 21, 113, 23];
const spec = (over: Partial<MapSpec> = {}): MapSpec => ({ kind: 'case-map', mode: 'real', bbox: CITY, zoom: 10, clusterRadius: 50, clusterMaxZoom: 14, ...over });

// a and b lie a hundred metres apart (one cluster at zoom 10); far stands alone.
const A = { lon: 111.98, lat: 21.86 };
const B = { lon: 111.981, lat: 21.861 };
const FAR = { lon: 112.5, lat: 22.5 };
const start = () => [gridCase('a', { location: A }), gridCase('b', { location: B }), gridCase('far', { location: FAR })];

const setup = (cases: GridCase[] = start(), s: MapSpec = spec()) => fedView(new CaseMapView(s), cases);

const resetOf = (d: MapData | null) => {
  expect(d?.reset).toBeDefined();
  return d!.reset!;
};
const updateOf = (d: MapData | null): SourceUpdate => {
  expect(d?.update).toBeDefined();
  return d!.update!;
};
const clusterOf = (features: Feature[]) => {
  const clusters = features.filter((f) => f.properties!['cluster_id'] !== undefined);
  expect(clusters).toHaveLength(1);
  return clusters[0]!;
};

/** The page's source: the first collection, then every update applied as MapLibre would (feature-state on top). */
function pageSource(first: MapData | null) {
  const drawn = new Map<string, { geometry: Geometry; props: Record<string, unknown>; state: Record<string, unknown> }>();
  for (const f of resetOf(first).features) drawn.set(String(f.properties!['id']), { geometry: f.geometry, props: { ...f.properties }, state: {} });
  return {
    apply(d: MapData | null) {
      if (!d) return;
      const u = updateOf(d);
      for (const id of u.cleared) drawn.get(String(id))!.state = {};
      for (const id of u.data?.remove ?? []) drawn.delete(String(id));
      for (const f of u.data?.add ?? []) drawn.set(String(f.properties!['id']), { geometry: f.geometry, props: { ...f.properties }, state: {} });
      for (const p of u.data?.update ?? []) {
        const at = drawn.get(String(p.id))!;
        if (p.newGeometry) at.geometry = p.newGeometry;
        for (const { key, value } of p.addOrUpdateProperties ?? []) at.props[key] = value;
      }
      for (const { id, state } of u.states) Object.assign(drawn.get(id)!.state, state);
    },
    /** What the page shows: each feature's properties with its feature-state over them, by id. */
    shown() {
      return new Map([...drawn].map(([id, d]) => [id, { geometry: d.geometry, ...d.props, ...d.state }]));
    },
  };
}

/** What a new view of the same cases and spec would draw. */
function fresh(cases: ReadonlyMap<string, GridCase>, s: MapSpec) {
  const v = new CaseMapView(s);
  v.reset(cases);
  return new Map(resetOf(v.take()).features.map((f) => [String(f.properties!['id']), { geometry: f.geometry, ...f.properties }]));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CaseMapView: the first take', () => {
  it('is the whole collection of the view: clusters with their counts and overdue sum, lone cases as points', () => {
    const { view } = setup([gridCase('a', { location: A, overdue: true }), gridCase('b', { location: B }), gridCase('far', { location: FAR, status: 'dispatched' })]);
    const first = view.take();
    expect(first!.total).toBe(3);
    const features = resetOf(first).features;
    expect(resetOf(first).type).toBe('FeatureCollection');
    expect(features).toHaveLength(2);
    const cluster = clusterOf(features);
    const id = cluster.properties!['cluster_id'] as number;
    expect(typeof id).toBe('number');
    expect(cluster.properties).toEqual({ id: `cluster:${id}`, cluster_id: id, point_count: 2, point_count_abbreviated: 2, overdue: 1 });
    const [lon, lat] = (cluster.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo((A.lon + B.lon) / 2, 2);
    expect(lat).toBeCloseTo((A.lat + B.lat) / 2, 2);
    expect(features.find((f) => f.properties!['id'] === 'far')).toEqual(caseFeature(gridCase('far', { location: FAR, status: 'dispatched' })));
  });

  it('shows only what lies inside the box, while the total counts the whole partition', () => {
    const { view } = setup(start(), spec({ bbox: [112.4, 22.4, 112.6, 22.6] }));
    const first = view.take();
    expect(resetOf(first).features.map((f) => f.properties!['id'])).toEqual(['far']);
    expect(first!.total).toBe(3);
  });

  it('shows every case as a point past the cluster zoom', () => {
    const { view } = setup(start(), spec({ zoom: 15.7 }));
    expect(
      resetOf(view.take())
        .features.map((f) => f.properties!['id'])
        .sort(),
    ).toEqual(['a', 'b', 'far']);
  });

  it('starts over with a whole collection after a reset', () => {
    const { book, view } = setup();
    view.take();
    book.reset([gridCase('z', { location: FAR })], Date.now());
    view.reset(book.parts.real);
    const again = view.take();
    expect(resetOf(again).features.map((f) => f.properties!['id'])).toEqual(['z']);
    expect(again!.total).toBe(1);
  });
});

describe('CaseMapView: updates', () => {
  it('sends nothing when nothing changed', () => {
    const { view } = setup();
    view.take();
    expect(view.take()).toBeNull();
  });

  it('recolours a case whose status alone changed as feature-state, without re-clustering', () => {
    const { view, change } = setup();
    view.take();
    const load = vi.spyOn(Supercluster.prototype, 'load');
    change(gridCase('far', { location: FAR, status: 'in_progress' }));
    expect(view.take()).toEqual({ update: { data: null, states: [{ id: 'far', state: { status: 'in_progress' } }], cleared: [] }, total: 3 });
    expect(load).not.toHaveBeenCalled();
  });

  it('sends nothing for a status change of a case hidden in a cluster', () => {
    const { view, change } = setup();
    view.take();
    change(gridCase('a', { location: A, status: 'dispatched' }));
    expect(view.take()).toBeNull();
  });

  it('moves a relocated case and re-clusters', () => {
    const { book, view, change } = setup();
    const page = pageSource(view.take());
    const load = vi.spyOn(Supercluster.prototype, 'load');
    change(gridCase('far', { location: { lon: 112.2, lat: 22.1 } }));
    const d = view.take();
    expect(load).toHaveBeenCalledTimes(1);
    expect(updateOf(d).data!.update).toContainEqual({ id: 'far', newGeometry: { type: 'Point', coordinates: [112.2, 22.1] } });
    page.apply(d);
    expect(page.shown()).toEqual(fresh(book.parts.real, spec()));
  });

  it('adds a new case in view', () => {
    const { book, view, change } = setup();
    const page = pageSource(view.take());
    change(gridCase('new', { location: { lon: 111.5, lat: 21.5 } }));
    const d = view.take();
    expect(d!.total).toBe(4);
    expect(updateOf(d).data!.add!.map((f) => f.properties!['id'])).toContain('new');
    page.apply(d);
    expect(page.shown().get('new')).toEqual({ geometry: { type: 'Point', coordinates: [111.5, 21.5] }, id: 'new', status: 'registered', overdue: false });
    expect(page.shown()).toEqual(fresh(book.parts.real, spec()));
  });

  it('updates the overdue flag of a point and the overdue sum of its cluster', () => {
    const { view, change } = setup();
    const first = view.take();
    const clusterId = clusterOf(resetOf(first).features).properties!['id'];
    change(gridCase('far', { location: FAR, overdue: true }), gridCase('b', { location: B, overdue: true }));
    const u = updateOf(view.take());
    expect(u.data!.add).toEqual([]);
    expect(u.data!.remove).toEqual([]);
    expect(u.data!.update).toEqual(
      expect.arrayContaining([
        { id: 'far', addOrUpdateProperties: [{ key: 'overdue', value: true }] },
        { id: clusterId, addOrUpdateProperties: [{ key: 'overdue', value: 1 }] },
      ]),
    );
    expect(u.data!.update).toHaveLength(2);
  });

  it('breaks a cluster up when one of its cases leaves the partition', () => {
    const { book, view, change } = setup();
    const first = view.take();
    const clusterId = clusterOf(resetOf(first).features).properties!['id'];
    const page = pageSource(first);
    change(gridCase('b', { location: B, exercise: true }));
    const d = view.take();
    expect(d!.total).toBe(2);
    expect(updateOf(d).data!.remove).toContain(clusterId);
    page.apply(d);
    expect([...page.shown().keys()].sort()).toEqual(['a', 'far']);
    expect(page.shown()).toEqual(fresh(book.parts.real, spec()));
  });

  it('sends an empty update with the new total when only cases outside the box changed', () => {
    const { view, change } = setup([gridCase('a', { location: A }), gridCase('far', { location: FAR })]);
    view.take();
    change(gridCase('outside', { location: { lon: 100, lat: 10 } }));
    expect(view.take()).toEqual({ update: { data: null, states: [], cleared: [] }, total: 3 });
    expect(view.take()).toBeNull();
  });

  it('keeps the page equal to a fresh view through a run of mixed changes', () => {
    const { book, view, change } = setup();
    const page = pageSource(view.take());
    const steps: GridCase[][] = [
      [gridCase('a', { location: A, status: 'dispatched' })],
      [gridCase('far', { location: FAR, status: 'closed' }), gridCase('c', { location: { lon: 111.2, lat: 22.9 } })],
      [gridCase('c', { location: { lon: 111.2, lat: 22.9 }, overdue: true })],
      [gridCase('b', { location: FAR })],
      [gridCase('far', { location: FAR, status: 'evaluated' })],
    ];
    for (const cs of steps) {
      change(...cs);
      page.apply(view.take());
      expect(page.shown()).toEqual(fresh(book.parts.real, spec()));
    }
  });
});

describe('CaseMapView.respec', () => {
  it('moves the view to another box as a diff: what left the box is removed', () => {
    const { book, view } = setup();
    const first = view.take();
    const clusterId = clusterOf(resetOf(first).features).properties!['id'];
    const page = pageSource(first);
    const moved = spec({ bbox: [112.4, 22.4, 112.6, 22.6] });
    expect(view.respec(moved)).toBe(true);
    const d = view.take();
    expect(updateOf(d).data).toEqual({ add: [], remove: [clusterId], update: [] });
    expect(d!.total).toBe(3);
    page.apply(d);
    expect(page.shown()).toEqual(fresh(book.parts.real, moved));
  });

  it('zooms in past the cluster zoom as a diff: the cluster gives way to its cases', () => {
    const { book, view } = setup();
    const first = view.take();
    const clusterId = clusterOf(resetOf(first).features).properties!['id'];
    const page = pageSource(first);
    const zoomed = spec({ zoom: 16 });
    expect(view.respec(zoomed)).toBe(true);
    const u = updateOf(view.take());
    expect(u.data!.remove).toEqual([clusterId]);
    expect(u.data!.add!.map((f) => f.properties!['id']).sort()).toEqual(['a', 'b']);
    page.apply({ update: u, total: 3 });
    expect(page.shown()).toEqual(fresh(book.parts.real, zoomed));
  });

  it('refuses a spec of another kind, partition or clustering', () => {
    const view = new CaseMapView(spec());
    expect(view.respec(spec({ mode: 'drill' }))).toBe(false);
    expect(view.respec(spec({ clusterRadius: 60 }))).toBe(false);
    expect(view.respec(spec({ clusterMaxZoom: 12 }))).toBe(false);
    expect(view.respec({ kind: 'case-hex', mode: 'real', resolution: 7 })).toBe(false);
  });
});

describe('CaseMapView.clusterZoom', () => {
  it('gives the zoom at which a drawn cluster falls apart, and null for an id that is no cluster', () => {
    const { view } = setup();
    expect(view.clusterZoom(1)).toBeNull();
    const first = view.take();
    const id = clusterOf(resetOf(first).features).properties!['cluster_id'] as number;
    const zoom = view.clusterZoom(id);
    expect(zoom).toBeGreaterThan(10);
    expect(zoom).toBeLessThanOrEqual(15);
    const z = zoom!;
    const split = new CaseMapView(spec({ zoom: z }));
    split.reset(new Map(start().map((c) => [c.id, c])));
    expect(
      resetOf(split.take())
        .features.map((f) => f.properties!['id'])
        .sort(),
    ).toEqual(['a', 'b', 'far']);
    expect(view.clusterZoom(3 + (10_000 << 5) + 1)).toBeNull();
  });

  it('gives null for a cluster of an index rebuilt since (its points left), not a made-up zoom', () => {
    const near = (id: string, i: number) => gridCase(id, { location: { lon: A.lon + i * 1e-4, lat: A.lat } });
    const { view, change } = setup(['p0', 'p1', 'p2', 'p3', 'p4'].map((id, i) => near(id, i)));
    const id = clusterOf(resetOf(view.take()).features).properties!['cluster_id'] as number;
    expect(view.clusterZoom(id)).not.toBeNull();
    change(near('p3', 3), { ...near('p4', 4), exercise: true }, { ...near('p2', 2), exercise: true });
    view.take();
    expect(view.clusterZoom(id)).toBeNull();
  });
});
