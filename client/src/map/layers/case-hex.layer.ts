import type { ExpressionSpecification } from 'maplibre-gl';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { useGridStore } from '../../stores/streams.js';
import type { HexCell } from './case-hex.mapping.js';
import { addSourceGroup, BUSY_STREAM_INTERVAL_MS, liveSource, type SourceGroup } from './glue.js';
import { createSourceDiffer } from './source-differ.js';
import type { MapLayerDefinition } from './types.js';

const SOURCE = 'case-hex';
const FILL = 'case-hex-fill';
const RAMP = ['#1b4d89', '#f5a623', '#ff3b30'] as const;

/** H3 resolution 7 (≈ 5 km² cells): a city seen whole gets hexagons a leader can tell apart. */
const defaults = { resolution: 7 };

function fillColor(max: number): ExpressionSpecification {
  return ['interpolate', ['linear'], ['coalesce', ['feature-state', 'count'], ['get', 'count']], 1, RAMP[0], Math.max(1.5, max / 2), RAMP[1], max, RAMP[2]];
}

/**
 * 事件密度: open cases counted per H3 hexagon. A case update moves one count between two
 * cells; only cells whose count changed go to the map, at most once a second: a new or emptied
 * cell as an `updateData` diff, a new count as feature-state (a recolour). h3-js is large
 * (≈ 80 KB gzipped), so it is fetched the first time a screen shows the layer rather than with
 * the screen; changes before it arrives are covered by the full count it starts with.
 */
export const caseHexLayer: MapLayerDefinition<typeof defaults> = {
  id: 'case-hex',
  titleKey: 'map.layers.case-hex',
  defaultOptions: defaults,
  topic: 'grid',
  sources: ['grid'],
  create(map, ctx, options) {
    const { resolution } = { ...defaults, ...options };
    const store = useGridStore();
    const partition = () => store[ctx.mode];
    let group: SourceGroup | null = null;
    let live: ReturnType<typeof liveSource> | null = null;
    let size = () => 0;
    let scaleMax = 0;

    async function start() {
      const m = await import('./case-hex.mapping.js');
      if (!group) return; // disposed while loading
      const counter = m.createHexCounter(resolution);
      const differ = createSourceDiffer<HexCell>((h) => [m.hexFeature(h)], { stateKeys: ['count'] });
      /** Whether the colour scale (and so the legend) changed. */
      const rescale = () => {
        const max = m.hexScaleMax(counter.max());
        if (max === scaleMax || !group) return false;
        scaleMax = max;
        map.setPaintProperty(FILL, 'fill-color', fillColor(max));
        return true;
      };
      const all = () => {
        counter.reset(partition().values());
        return counter.cells();
      };
      live = liveSource<GridCase, HexCell>({
        group: () => group,
        differ,
        keyOf: (c) => c.id,
        all,
        lookup: (cell) => counter.get(cell),
        expand(keys) {
          const touched = new Set<string>();
          for (const id of keys) counter.apply(id, partition().get(id), touched);
          return touched;
        },
        changed() {
          ctx.changed(rescale());
        },
        minIntervalMs: BUSY_STREAM_INTERVAL_MS,
      });
      size = () => differ.size();
      group.reset(differ.reset(all()));
      rescale();
      ctx.changed(true);
    }

    return {
      interactive: [FILL],
      init() {
        group = addSourceGroup(map, SOURCE, { type: 'FeatureCollection', features: [] }, [
          { id: FILL, type: 'fill', source: SOURCE, paint: { 'fill-color': RAMP[0], 'fill-opacity': 0.62, 'fill-outline-color': 'rgba(255,255,255,0.25)' } },
        ], { beforeId: ctx.beforeId });
        void start();
      },
      update: (change) => live?.push(change),
      setVisible: (v) => group?.setVisible(v),
      dispose() {
        live?.cancel();
        group?.remove();
        group = null;
      },
      click(feature) {
        // A count that changed since the cell appeared is in its feature-state.
        const count = Number(feature.state.count ?? feature.properties.count);
        return { title: ctx.fmt.t('map.popup.hex'), color: RAMP[1], fields: [{ label: ctx.fmt.t('map.fields.cells'), value: ctx.fmt.t('map.values.cases', { n: count }) }] };
      },
      legend: () => [{ label: ctx.fmt.t('map.legend.hex', { max: scaleMax }), color: `linear-gradient(90deg, ${RAMP.join(', ')})`, shape: 'fill' }],
      count: () => size(),
    };
  },
};
