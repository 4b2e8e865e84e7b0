import type { ExpressionSpecification } from 'maplibre-gl';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { useGridStore } from '../../stores/streams.js';
import { CLUSTER_COLOR, OVERDUE_COLOR } from '../palette.js';
import { CASE_STATE_KEYS, caseDetails, caseFeature, casesLegend, statusColorExpression, type CaseProps } from './cases.mapping.js';
import { addSourceGroup, BUSY_STREAM_INTERVAL_MS, liveSource, MAP_FONT, type SourceGroup } from './glue.js';
import { createSourceDiffer } from './source-differ.js';
import type { MapLayerDefinition } from './types.js';

const SOURCE = 'cases';
const CLUSTERS = 'cases-clusters';
const POINTS = 'cases-points';

/** Clustering: a city view shows bubbles of counts; from street level (zoom 14) every case. */
const defaults = { clusterRadius: 42, clusterMaxZoom: 13 };

/**
 * 网格事件: every case of the partition as a point coloured by lifecycle status with a red ring
 * when overdue, clustered when zoomed out (a cluster holding an overdue case is ringed red).
 * Changes reach the map at most once a second: a status change as feature-state (a recolour,
 * no re-clustering), anything else as an `updateData` diff; clustering runs in MapLibre's
 * worker, off the main thread.
 */
export const casesLayer: MapLayerDefinition<typeof defaults> = {
  id: 'cases',
  titleKey: 'map.layers.cases',
  defaultOptions: defaults,
  topic: 'grid',
  sources: ['grid'],
  create(map, ctx, options) {
    const opts = { ...defaults, ...options };
    const store = useGridStore();
    const partition = () => store[ctx.mode];
    const differ = createSourceDiffer<GridCase, CaseProps>((c) => [caseFeature(c)], { stateKeys: CASE_STATE_KEYS });
    let group: SourceGroup | null = null;
    const live = liveSource<GridCase>({ group: () => group, differ, keyOf: (c) => c.id, all: () => partition().entries(), lookup: (k) => partition().get(k), changed: ctx.changed, minIntervalMs: BUSY_STREAM_INTERVAL_MS });

    return {
      interactive: [CLUSTERS, POINTS],
      init() {
        const isOverdue: ExpressionSpecification = ['==', ['get', 'overdue'], true];
        group = addSourceGroup(
          map,
          SOURCE,
          differ.reset(partition().entries()),
          [
            {
              id: CLUSTERS, type: 'circle', source: SOURCE, filter: ['has', 'point_count'],
              paint: {
                'circle-color': CLUSTER_COLOR,
                'circle-opacity': 0.88,
                'circle-radius': ['step', ['get', 'point_count'], 13, 20, 16, 100, 20, 500, 26],
                'circle-stroke-color': ['case', ['>', ['get', 'overdue'], 0], OVERDUE_COLOR, '#9bd9ff'],
                'circle-stroke-width': 2,
              },
            },
            {
              id: 'cases-cluster-count', type: 'symbol', source: SOURCE, filter: ['has', 'point_count'],
              layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': MAP_FONT, 'text-size': 13, 'text-allow-overlap': true, 'text-ignore-placement': true },
              paint: { 'text-color': '#ffffff' },
            },
            {
              id: POINTS, type: 'circle', source: SOURCE, filter: ['!', ['has', 'point_count']],
              layout: { 'circle-sort-key': ['case', isOverdue, 1, 0] },
              paint: {
                'circle-color': statusColorExpression(),
                'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, ['case', isOverdue, 5, 3.5], 15, ['case', isOverdue, 10, 7]],
                'circle-stroke-color': ['case', isOverdue, OVERDUE_COLOR, '#06101d'],
                'circle-stroke-width': ['case', isOverdue, 2.5, 1],
              },
            },
          ],
          {
            beforeId: ctx.beforeId,
            source: {
              cluster: true,
              clusterRadius: opts.clusterRadius,
              clusterMaxZoom: opts.clusterMaxZoom,
              clusterProperties: { overdue: ['+', ['case', isOverdue, 1, 0]] },
            },
          },
        );
      },
      update: live.push,
      setVisible: (v) => group?.setVisible(v),
      dispose() {
        live.cancel();
        group?.remove();
        group = null;
      },
      click(feature) {
        const props = feature.properties as { cluster_id?: number; id?: string };
        if (props.cluster_id !== undefined && feature.geometry.type === 'Point') {
          const center = feature.geometry.coordinates as [number, number];
          void group?.source()?.getClusterExpansionZoom(props.cluster_id).then((zoom) => map.easeTo({ center, zoom }));
          return null;
        }
        const c = props.id ? partition().get(props.id) : undefined;
        return c ? caseDetails(c, ctx.fmt) : null;
      },
      legend: () => casesLegend(ctx.fmt, CLUSTER_COLOR),
      count: () => differ.size(),
    };
  },
};
