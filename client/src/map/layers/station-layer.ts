import type { Observation } from '../../../../shared/schemas/observation.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import { useEnvStore } from '../../stores/streams.js';
import type { MapFormat } from '../format.js';
import type { StationProps } from './air.mapping.js';
import { addSourceGroup, liveSource, MAP_FONT, type SourceGroup } from './glue.js';
import { createSourceDiffer, type MapFeature } from '../../model/geo/source-differ.js';
import type { FeatureDetails, LegendItem, MapLayerDefinition } from './types.js';

interface Reading {
  station: Station;
  latest: Observation | undefined;
}

/**
 * A layer of monitoring stations of one kind, coloured by the assessment of each station's
 * latest reading in the env store (keyed by station). Every station of the city pack is drawn,
 * grey until it reports; a new reading updates that one station's properties.
 */
export function stationLayer(spec: {
  id: 'air' | 'water';
  feature: (s: Station, o: Observation | undefined) => MapFeature<StationProps>;
  details: (s: Station, o: Observation | undefined, fmt: MapFormat) => FeatureDetails;
  legend: (fmt: MapFormat) => LegendItem[];
  /** Ring colour, so air dots and water sections tell apart when both are on. */
  ring: string;
}): MapLayerDefinition {
  return {
    id: spec.id,
    titleKey: `map.layers.${spec.id}`,
    defaultOptions: {},
    topic: 'env',
    sources: [spec.id],
    create(map, ctx) {
      const store = useEnvStore();
      const stations = new Map(ctx.city.stations.filter((s) => s.kind === spec.id).map((s) => [s.id, s]));
      const lookup = (id: string): Reading | undefined => {
        const station = stations.get(id);
        return station && { station, latest: store[ctx.mode].get(id) };
      };
      const differ = createSourceDiffer<Reading, StationProps>((r) => [spec.feature(r.station, r.latest)]);
      const all = () => [...stations.keys()].map((id) => [id, lookup(id)!] as [string, Reading]);
      const sourceId = `stations-${spec.id}`;
      let group: SourceGroup | null = null;
      const live = liveSource<Observation, Reading>({ group: () => group, differ, keyOf: (o) => o.stationId, all, lookup, changed: ctx.changed });

      return {
        interactive: [`${spec.id}-dot`],
        init() {
          group = addSourceGroup(
            map,
            sourceId,
            differ.reset(all()),
            [
              {
                id: `${spec.id}-dot`,
                type: 'circle',
                source: sourceId,
                paint: { 'circle-color': ['get', 'color'], 'circle-radius': 11, 'circle-stroke-color': spec.ring, 'circle-stroke-width': 2 },
              },
              {
                id: `${spec.id}-label`,
                type: 'symbol',
                source: sourceId,
                layout: { 'text-field': ['get', 'label'], 'text-font': MAP_FONT, 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
                paint: { 'text-color': ['get', 'ink'] },
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
          const r = lookup(String(feature.properties.id));
          return r ? spec.details(r.station, r.latest, ctx.fmt) : null;
        },
        legend: () => spec.legend(ctx.fmt),
        count: () => differ.size(),
      };
    },
  };
}
