import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { LayerId, LayerContext, MapLayerDefinition, FeatureDetails, LegendItem } from './types.js';
import { addSourceGroup, type SourceGroup } from './glue.js';
import type { MapFeature } from '../../model/geo/source-differ.js';
import type { MapFormat } from '../format.js';
import type { CityReference } from '../../stores/reference.js';
import { addMapIcons } from '../icons.js';

/** What distinguishes one layer of fixed reference points (resources, cameras) from another. */
export interface ReferencePointsSpec<T extends { id: string }> {
  id: LayerId;
  items(city: CityReference): T[];
  feature(item: T): MapFeature<{ id: string }>;
  details(item: T, fmt: MapFormat): FeatureDetails;
  legend(ctx: LayerContext): LegendItem[];
  /** The map image of a point (see icons.ts): a name, or an expression on its properties. */
  icon: string | ExpressionSpecification;
}

/**
 * A layer of the city pack's fixed points: drawn once from reference data as icons (smaller
 * over the whole city, full size from street level), no live topic, clickable for details.
 * Icons never hide each other and take no part in label placement.
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
          addMapIcons(map);
          const layout: SymbolLayerSpecification['layout'] = {
            'icon-image': spec.icon,
            'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.55, 14, 1],
            'icon-allow-overlap': true,
            'icon-ignore-placement': true,
          };
          group = addSourceGroup(map, source, { type: 'FeatureCollection', features: items.map(spec.feature) }, [{ id: dots, type: 'symbol', source, layout }], { beforeId: ctx.beforeId });
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
