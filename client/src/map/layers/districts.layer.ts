import { Marker } from 'maplibre-gl';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import { useKpiStore } from '../../stores/streams.js';
import { BASEMAP } from '../palette.js';
import { choroplethLegend, choroplethState, choroplethTitle, districtDetails, districtFeatures, formatMetric, labelPoint, type ChoroplethState } from './districts.mapping.js';
import { createFrameBatch } from './frame-batch.js';
import { avoidClusters } from '../label-avoid.js';
import { addSourceGroup, type SourceGroup } from './glue.js';
import type { MapLayerDefinition } from './types.js';

const SOURCE = 'districts';
const FILL = 'districts-fill';

interface Label {
  marker: Marker;
  name: HTMLElement;
  value: HTMLElement;
}

/**
 * 行政区划: district boundaries filled by the chosen vital sign (feature-state, so a KPI change
 * recolours districts without touching geometry) and named by DOM labels, which the page's
 * Noto Sans SC draws crisply in any language at any scale. A label also shows the value.
 */
export const districtsLayer: MapLayerDefinition = {
  id: 'districts',
  titleKey: 'map.layers.districts',
  defaultOptions: {},
  topic: 'kpi',
  sources: ['kpi'],
  create(map, ctx) {
    const store = useKpiStore();
    const signs = () => store[ctx.mode].values();
    const districts = ctx.city.manifest.districts;
    const adcodes = districts.map((d) => d.adcode);
    const labels = new Map<string, Label>();
    let group: SourceGroup | null = null;
    let state: ChoroplethState | null = null;
    let stopAvoiding: (() => void) | null = null;

    function paint() {
      const metric = ctx.choropleth();
      const next = choroplethState(metric, adcodes, signs());
      for (const [adcode, d] of next.districts) {
        if (state?.districts.get(adcode)?.color !== d.color || !state) map.setFeatureState({ source: SOURCE, id: adcode }, { color: d.color });
        const label = labels.get(adcode);
        const text = d.value === null ? '' : formatMetric(metric, d.value, ctx.fmt);
        if (label && label.value.textContent !== text) label.value.textContent = text;
      }
      const legendChanged = JSON.stringify(state?.scale) !== JSON.stringify(next.scale);
      state = next;
      ctx.changed(legendChanged);
    }
    function rename() {
      for (const d of districts) {
        const label = labels.get(d.adcode);
        if (label) label.name.textContent = ctx.fmt.name(d);
      }
    }
    const batch = createFrameBatch<VitalSigns>((v) => v.id, paint);

    return {
      interactive: [FILL],
      init() {
        group = addSourceGroup(
          map,
          SOURCE,
          { type: 'FeatureCollection', features: districtFeatures(ctx.city.districts) },
          [
            { id: FILL, type: 'fill', source: SOURCE, paint: { 'fill-color': ['coalesce', ['feature-state', 'color'], 'rgba(0,0,0,0)'], 'fill-opacity': 0.32 } },
            { id: 'districts-line', type: 'line', source: SOURCE, layout: { 'line-join': 'round' }, paint: { 'line-color': BASEMAP.districtLine, 'line-width': 2, 'line-opacity': 0.95 } },
          ],
          { beforeId: ctx.beforeId },
        );
        const shapes = new Map(ctx.city.districts.features.map((f) => [f.properties.adcode, f.geometry]));
        for (const d of districts) {
          const shape = shapes.get(d.adcode);
          const seat: [number, number] = [d.center.lon, d.center.lat];
          const el = document.createElement('div');
          el.className = 'district-label';
          el.dataset.adcode = d.adcode;
          const name = el.appendChild(document.createElement('span'));
          name.className = 'name';
          const value = el.appendChild(document.createElement('span'));
          value.className = 'value';
          labels.set(d.adcode, { marker: new Marker({ element: el, anchor: 'center' }).setLngLat(shape ? labelPoint(shape, seat) : seat).addTo(map), name, value });
        }
        rename();
        paint();
        stopAvoiding = avoidClusters(map, () => [...labels.values()].map((l) => l.marker));
      },
      update: (change) => batch.push(change as unknown as Parameters<typeof batch.push>[0]),
      refresh() {
        rename();
        paint();
      },
      setVisible(v) {
        group?.setVisible(v);
        for (const l of labels.values()) l.marker.getElement().style.display = v ? '' : 'none';
      },
      dispose() {
        stopAvoiding?.();
        batch.cancel();
        for (const l of labels.values()) l.marker.remove();
        labels.clear();
        group?.remove();
        group = null;
      },
      click(feature) {
        const adcode = String(feature.properties.id);
        return districtDetails(
          adcode,
          [...signs()].find((v) => v.scope === adcode),
          ctx.fmt,
        );
      },
      legend: () => (state ? choroplethLegend(state.scale, ctx.fmt) : []),
      legendTitle: () => choroplethTitle(ctx.choropleth(), ctx.fmt),
      count: () => adcodes.length,
    };
  },
};
