import Supercluster from 'supercluster';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { CASE_STATE_KEYS, caseFeature } from '../../model/cases/case-feature.js';
import { createSourceDiffer, type MapFeature } from '../../model/geo/source-differ.js';
import type { ViewData, ViewSpec } from '../protocol.js';
import type { CaseView } from './views.js';
import { defineView } from './view-registry.js';

type CaseMapSpec = Extract<ViewSpec, { kind: 'case-map' }>;
/** What the index keeps per case: only what places and groups it (statuses are read when drawn). */
interface Indexed {
  id: string;
  /** 1 when overdue: clusters sum it, and a cluster holding an overdue case is ringed red. */
  overdue: number;
}
interface ClusterSums {
  overdue: number;
}
/** Where a case was indexed and whether overdue: when that changes, the clusters must be rebuilt. */
interface Placed {
  lon: number;
  lat: number;
  overdue: boolean;
}

const EMPTY_UPDATE = { data: null, states: [], cleared: [] };

/**
 * The cases layer's data for one map view: every case of the partition clustered in the worker
 * (supercluster, the library MapLibre itself clusters with), and of the clusters and points
 * only those inside the view's box at its zoom. The page's map then holds a few hundred
 * features instead of ten thousand. A status change redraws a point as feature-state; new,
 * moved or newly overdue cases rebuild the clusters (in the worker) and send the page the
 * features that changed.
 */
export class CaseMapView implements CaseView<'case-map'> {
  private index: Supercluster<Indexed, ClusterSums> | null = null;
  private cases: ReadonlyMap<string, GridCase> = new Map();
  private readonly placed = new Map<string, Placed>();
  private rebuild = true;
  private fresh = true;
  private lastTotal = -1;
  private shown = new Set<string>();
  private readonly differ = createSourceDiffer<MapFeature>((f) => [f], { stateKeys: CASE_STATE_KEYS });

  constructor(private spec: CaseMapSpec) {}

  /** Moves the view to another box or zoom (same partition and clustering): the page gets a diff. */
  respec(spec: ViewSpec): boolean {
    if (spec.kind !== 'case-map' || spec.mode !== this.spec.mode || spec.clusterRadius !== this.spec.clusterRadius || spec.clusterMaxZoom !== this.spec.clusterMaxZoom) return false;
    this.spec = spec;
    return true;
  }

  reset(cases: ReadonlyMap<string, GridCase>): void {
    this.cases = cases;
    this.rebuild = true;
    this.fresh = true;
  }

  apply(ids: ReadonlySet<string>, cases: ReadonlyMap<string, GridCase>): void {
    this.cases = cases;
    if (this.rebuild) return;
    for (const id of ids) {
      const c = cases.get(id);
      const at = this.placed.get(id);
      if (!c || !at || at.lon !== c.location.lon || at.lat !== c.location.lat || at.overdue !== c.overdue) {
        this.rebuild = true;
        return;
      }
    }
  }

  take(): ViewData['case-map'] | null {
    const index = this.rebuild || !this.index ? this.build() : this.index;
    const features = new Map<string, MapFeature>();
    for (const f of index.getClusters(this.spec.bbox, Math.floor(this.spec.zoom))) {
      const p = f.properties;
      if ('cluster' in p && p.cluster) {
        const id = `cluster:${p.cluster_id}`;
        features.set(id, {
          type: 'Feature',
          geometry: f.geometry,
          properties: { id, cluster_id: p.cluster_id, point_count: p.point_count, point_count_abbreviated: p.point_count_abbreviated, overdue: p.overdue },
        });
      } else {
        const c = this.cases.get((p as Indexed).id);
        if (c) features.set(c.id, caseFeature(c));
      }
    }
    const total = this.cases.size;
    const keys = new Set([...this.shown, ...features.keys()]);
    this.shown = new Set(features.keys());
    if (this.fresh) {
      this.fresh = false;
      this.lastTotal = total;
      return { reset: this.differ.reset(features), total };
    }
    const update = this.differ.diff(keys, (k) => features.get(k));
    if (!update && total === this.lastTotal) return null;
    this.lastTotal = total;
    return { update: update ?? EMPTY_UPDATE, total };
  }

  clusterZoom(clusterId: number): number | null {
    if (!this.index) return null;
    try {
      // A cluster of an index rebuilt since the click may be gone: getChildren throws for it.
      this.index.getChildren(clusterId);
      return this.index.getClusterExpansionZoom(clusterId);
    } catch {
      return null;
    }
  }

  private build(): Supercluster<Indexed, ClusterSums> {
    this.placed.clear();
    const points: Supercluster.PointFeature<Indexed>[] = [];
    for (const c of this.cases.values()) {
      this.placed.set(c.id, { lon: c.location.lon, lat: c.location.lat, overdue: c.overdue });
      points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [c.location.lon, c.location.lat] }, properties: { id: c.id, overdue: c.overdue ? 1 : 0 } });
    }
    const index = new Supercluster<Indexed, ClusterSums>({
      radius: this.spec.clusterRadius,
      maxZoom: this.spec.clusterMaxZoom,
      map: (p) => ({ overdue: p.overdue }),
      reduce: (sum, p) => {
        sum.overdue += p.overdue;
      },
    });
    index.load(points);
    this.index = index;
    this.rebuild = false;
    return index;
  }
}

/** The `case-map` kind, registered in live/cases/index.ts. */
export const caseMapView = defineView({ kind: 'case-map', create: (spec) => new CaseMapView(spec) });
