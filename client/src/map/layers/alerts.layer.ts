import type { Alert } from '../../../../shared/schemas/alert.js';
import type { ExpressionSpecification } from 'maplibre-gl';
import { useAlertsStore } from '../../stores/streams.js';
import { alertDetails, alertFeatures, alertsLegend, type AlertProps } from './alerts.mapping.js';
import { addSourceGroup, liveSource, type SourceGroup } from './glue.js';
import { createSourceDiffer } from '../../model/geo/source-differ.js';
import type { MapLayerDefinition } from './types.js';

const SOURCE = 'alerts';
const FILL = 'alerts-fill';
const MARKER = 'alerts-marker';
const isArea: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];
const isNotice: ExpressionSpecification = ['==', ['get', 'kind'], 'notice'];

/**
 * 预警区域: the areas of running alerts (CAP polygons and circles, else the districts they name),
 * filled and outlined in the warning level's colour, most severe on top. Official warnings
 * have a solid outline and filled marker; the city's own environment notices a dashed
 * outline, a fainter fill and a hollow marker. Cancelled and expired
 * alerts leave the store and their shapes are removed from the source.
 */
export const alertsLayer: MapLayerDefinition = {
  id: 'alerts',
  titleKey: 'map.layers.alerts',
  defaultOptions: {},
  topic: 'alerts',
  sources: ['alerts'],
  create(map, ctx) {
    const store = useAlertsStore();
    const partition = () => store[ctx.mode];
    const districts = new Map(ctx.city.districts.features.map((f) => [f.properties.adcode, f.geometry]));
    const differ = createSourceDiffer<Alert, AlertProps>((a) => alertFeatures(a, (d) => districts.get(d)));
    let group: SourceGroup | null = null;
    const live = liveSource<Alert>({ group: () => group, differ, keyOf: (a) => a.id, all: () => partition().entries(), lookup: (k) => partition().get(k), changed: ctx.changed });

    return {
      interactive: [MARKER, FILL],
      init() {
        group = addSourceGroup(
          map,
          SOURCE,
          differ.reset(partition().entries()),
          [
            {
              id: FILL,
              type: 'fill',
              source: SOURCE,
              filter: isArea,
              layout: { 'fill-sort-key': ['get', 'rank'] },
              paint: {
                'fill-color': ['get', 'color'],
                'fill-opacity': ['*', ['case', isNotice, 0.4, 1], ['interpolate', ['linear'], ['get', 'rank'], 1, 0.18, 4, 0.32]],
              },
            },
            {
              id: 'alerts-line',
              type: 'line',
              source: SOURCE,
              filter: ['all', isArea, ['!', isNotice]],
              layout: { 'line-sort-key': ['get', 'rank'], 'line-join': 'round' },
              paint: { 'line-color': ['get', 'color'], 'line-width': ['interpolate', ['linear'], ['get', 'rank'], 1, 1.5, 4, 3] },
            },
            {
              id: 'alerts-notice-line',
              type: 'line',
              source: SOURCE,
              filter: ['all', isArea, isNotice],
              layout: { 'line-join': 'round' },
              paint: { 'line-color': ['get', 'color'], 'line-width': 1.5, 'line-dasharray': [3, 2] },
            },
            {
              id: MARKER,
              type: 'circle',
              source: SOURCE,
              filter: ['!', isArea],
              layout: { 'circle-sort-key': ['get', 'rank'] },
              paint: {
                'circle-color': ['case', isNotice, 'rgba(0, 0, 0, 0)', ['get', 'color']],
                'circle-radius': ['interpolate', ['linear'], ['get', 'rank'], 1, 6, 4, 9],
                'circle-stroke-color': ['case', isNotice, ['get', 'color'], '#ffffff'],
                'circle-stroke-width': ['case', isNotice, 3, 2],
              },
            },
          ],
          { beforeId: ctx.beforeId },
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
        const a = partition().get(String(feature.properties.alertId));
        return a ? alertDetails(a, ctx.fmt) : null;
      },
      legend: () => alertsLegend(ctx.fmt),
      count: () => differ.size(),
    };
  },
};
