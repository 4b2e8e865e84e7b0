import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { BBox } from '../../live/protocol.js';
import type { ViewHandle } from '../../services/live-source.js';
import { CLUSTER_COLOR, OVERDUE_COLOR } from '../palette.js';
import { caseDetails, casesLegend, statusColorExpression } from './cases.mapping.js';
import { addSourceGroup, MAP_FONT, type SourceGroup } from './glue.js';
import type { MapLayerDefinition } from './types.js';

const SOURCE = 'cases';
const CLUSTERS = 'cases-clusters';
const POINTS = 'cases-points';

/** Clustering: a city view shows bubbles of counts; from street level (zoom 14) every case. */
const defaults = { clusterRadius: 42, clusterMaxZoom: 13 };

/**
 * The part of the world the worker sends features for: the map's bounds grown by a tenth of
 * their size on every side (a wall's map seldom pans; when it does, the view follows at the
 * end of the move, and what is drawn beyond the edge costs every status change there).
 */
function viewBox(map: MapLibreMap): BBox {
  const b = map.getBounds();
  const dx = (b.getEast() - b.getWest()) / 10;
  const dy = (b.getNorth() - b.getSouth()) / 10;
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
  return [clamp(b.getWest() - dx, 180), clamp(b.getSouth() - dy, 85), clamp(b.getEast() + dx, 180), clamp(b.getNorth() + dy, 85)];
}

/**
 * 网格事件: every case of the partition as a point coloured by lifecycle status with a red ring
 * when overdue, clustered when zoomed out (a cluster holding an overdue case is ringed red).
 * The cases and their clustering live in the live worker (live/cases/case-map.view.ts): the
 * map's source holds only the clusters and points of the current view, and changes reach it
 * at most once a second — a status change as feature-state (a recolour), anything else as an
 * `updateData` diff. Moving the map asks the worker for the new view.
 */
export const casesLayer: MapLayerDefinition<typeof defaults> = {
  id: 'cases',
  titleKey: 'map.layers.cases',
  defaultOptions: defaults,
  topic: null,
  sources: ['grid'],
  create(map, ctx, options) {
    const opts = { ...defaults, ...options };
    let group: SourceGroup | null = null;
    let view: ViewHandle<'case-map'> | null = null;
    let total = 0;
    const spec = () => ({ kind: 'case-map' as const, mode: ctx.mode, bbox: viewBox(map), zoom: map.getZoom(), ...opts });
    const moved = () => view?.update(spec());

    return {
      interactive: [CLUSTERS, POINTS],
      init() {
        const isOverdue: ExpressionSpecification = ['==', ['get', 'overdue'], true];
        group = addSourceGroup(
          map,
          SOURCE,
          { type: 'FeatureCollection', features: [] },
          [
            {
              id: CLUSTERS,
              type: 'circle',
              source: SOURCE,
              filter: ['has', 'point_count'],
              paint: {
                'circle-color': CLUSTER_COLOR,
                'circle-opacity': 0.88,
                'circle-radius': ['step', ['get', 'point_count'], 13, 20, 16, 100, 20, 500, 26],
                'circle-stroke-color': ['case', ['>', ['get', 'overdue'], 0], OVERDUE_COLOR, '#9bd9ff'],
                'circle-stroke-width': 2,
              },
            },
            {
              id: 'cases-cluster-count',
              type: 'symbol',
              source: SOURCE,
              filter: ['has', 'point_count'],
              layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': MAP_FONT, 'text-size': 13, 'text-allow-overlap': true, 'text-ignore-placement': true },
              paint: { 'text-color': '#ffffff' },
            },
            {
              id: POINTS,
              type: 'circle',
              source: SOURCE,
              filter: ['!', ['has', 'point_count']],
              layout: { 'circle-sort-key': ['case', isOverdue, 1, 0] },
              paint: {
                'circle-color': statusColorExpression(),
                'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, ['case', isOverdue, 5, 3.5], 15, ['case', isOverdue, 10, 7]],
                'circle-stroke-color': ['case', isOverdue, OVERDUE_COLOR, '#06101d'],
                'circle-stroke-width': ['case', isOverdue, 2.5, 1],
              },
            },
          ],
          { beforeId: ctx.beforeId },
        );
        view = ctx.live.watch(spec(), (data) => {
          if (!group) return;
          total = data.total;
          if (data.reset) group.reset(data.reset);
          else group.apply(data.update);
          ctx.changed();
        });
        map.on('moveend', moved);
      },
      setVisible: (v) => group?.setVisible(v),
      dispose() {
        map.off('moveend', moved);
        view?.stop();
        view = null;
        group?.remove();
        group = null;
      },
      async click(feature) {
        const props = feature.properties as { cluster_id?: number; id?: string };
        if (props.cluster_id !== undefined && feature.geometry.type === 'Point') {
          const center = feature.geometry.coordinates as [number, number];
          const zoom = view && (await ctx.live.ask({ kind: 'cluster-zoom', view: view.id, clusterId: props.cluster_id }));
          if (typeof zoom === 'number') map.easeTo({ center, zoom });
          return null;
        }
        const c = props.id ? await ctx.live.ask({ kind: 'case', id: props.id }) : null;
        return c ? caseDetails(c, ctx.fmt) : null;
      },
      legend: () => casesLegend(ctx.fmt, CLUSTER_COLOR),
      count: () => total,
    };
  },
};
