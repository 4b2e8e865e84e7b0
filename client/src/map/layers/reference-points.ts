import type { CircleLayerSpecification } from 'maplibre-gl';
import type { LayerId, LayerContext, MapLayerDefinition, FeatureDetails, LegendItem } from './types.js';
import { addSourceGroup, type SourceGroup } from './glue.js';
import type { MapFeature } from '../../model/geo/source-differ.js';
import type { MapFormat } from '../format.js';
import type { CityReference } from '../../stores/reference.js';

/** What distinguishes one layer of fixed reference points (resources, cameras) from another. */
export interface ReferencePointsSpec<T extends { id: string }> {
  id: LayerId;
  items(city: CityReference): T[];
  feature(item: T): MapFeature<{ id: string }>;
  details(item: T, fmt: MapFormat): FeatureDetails;
  legend(ctx: LayerContext): LegendItem[];
  paint: CircleLayerSpecification['paint'];
}

/**
 * A layer of the city pack's fixed points: drawn once from reference data, no live topic,
 * clickable for details.
 */
export function referencePointsLayer<T extends { id: string }>(spec: ReferencePointsSpec<T>): MapLayerDefinition {
  const source = spec.id;
  const dots = `${spec.id}-dot`;
  return {
    id: spec.id,
    titleKey: `map.layers.${spec.id}`,
    defaultOptions: {},
    topic: null,
    sources: [],
    create(map, ctx) {
      const items = spec.items(ctx.city);
      const byId = new Map(items.map((i) => [i.id, i]));
      let group: SourceGroup | null = null;
      return {
        interactive: [dots],
        init() {
          group = addSourceGroup(map, source, { type: 'FeatureCollection', features: items.map(spec.feature) }, [{ id: dots, type: 'circle', source, paint: spec.paint }], { beforeId: ctx.beforeId });
        },
        setVisible: (v) => group?.setVisible(v),
        dispose() {
          group?.remove();
          group = null;
        },
        click(feature) {
          const item = byId.get(String(feature.properties.id));
          return item ? spec.details(item, ctx.fmt) : null;
        },
        legend: () => spec.legend(ctx),
        count: () => byId.size,
      };
    },
  };
}
