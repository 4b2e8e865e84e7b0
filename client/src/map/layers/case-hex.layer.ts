import type { ExpressionSpecification } from 'maplibre-gl';
import type { ViewHandle } from '../../services/live-source.js';
import { addSourceGroup, type SourceGroup } from './glue.js';
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
 * 事件密度: open cases counted per H3 hexagon, in the live worker (live/cases/case-hex.view.ts,
 * which loads H3 the first time a screen shows the layer). Only cells whose count changed
 * reach the map, at most once a second: a new or emptied cell as an `updateData` diff, a new
 * count as feature-state (a recolour).
 */
export const caseHexLayer: MapLayerDefinition<typeof defaults> = {
  id: 'case-hex',
  titleKey: 'map.layers.case-hex',
  defaultOptions: defaults,
  topic: null,
  sources: ['grid'],
  create(map, ctx, options) {
    const { resolution } = { ...defaults, ...options };
    let group: SourceGroup | null = null;
    let view: ViewHandle<'case-hex'> | null = null;
    let cells = 0;
    let scaleMax = 0;

    return {
      interactive: [FILL],
      init() {
        group = addSourceGroup(
          map,
          SOURCE,
          { type: 'FeatureCollection', features: [] },
          [{ id: FILL, type: 'fill', source: SOURCE, paint: { 'fill-color': RAMP[0], 'fill-opacity': 0.42, 'fill-outline-color': 'rgba(255,255,255,0.25)' } }],
          { beforeId: ctx.beforeId },
        );
        view = ctx.live.watch({ kind: 'case-hex', mode: ctx.mode, resolution }, (data) => {
          if (!group) return;
          if (data.reset) group.reset(data.reset);
          else group.apply(data.update);
          cells = data.total;
          // The colour scale (and so the legend) follows the busiest cell, in nice steps.
          const rescaled = data.max !== scaleMax;
          if (rescaled) {
            scaleMax = data.max;
            map.setPaintProperty(FILL, 'fill-color', fillColor(scaleMax));
          }
          ctx.changed(rescaled);
        });
      },
      setVisible: (v) => group?.setVisible(v),
      dispose() {
        view?.stop();
        view = null;
        group?.remove();
        group = null;
      },
      click(feature) {
        // A count that changed since the cell appeared is in its feature-state.
        const count = Number(feature.state.count ?? feature.properties.count);
        return { title: ctx.fmt.t('map.popup.hex'), color: RAMP[1], fields: [{ label: ctx.fmt.t('map.fields.cells'), value: ctx.fmt.t('map.values.cases', { n: count }) }] };
      },
      legend: () => [{ label: ctx.fmt.t('map.legend.hex', { max: scaleMax }), color: `linear-gradient(90deg, ${RAMP.join(', ')})`, shape: 'fill' }],
      count: () => cells,
    };
  },
};
