import type { ExpressionSpecification, LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { PageTopic } from '../../live/protocol.js';
import type { DataMode } from '../../stores/topic-store.js';
import type { LayerId, LayerContext, MapLayerDefinition, FeatureDetails, LegendItem } from './types.js';
import { addSourceGroup, type SourceGroup } from './glue.js';
import type { MapFeature } from '../../model/geo/source-differ.js';
import type { MapFormat } from '../format.js';
import type { CityReference } from '../../stores/reference.js';
import { addMapIcons } from '../icons.js';

/**
 * What distinguishes one layer of fixed reference points (resources, cameras) from another.
 * `S` is what the points' drawing reads besides the item: with a `topic`, it is taken afresh
 * (`state`) whenever that topic changes and every point is redrawn (the resources layer: what
 * each has committed, from the dispatch assignments).
 */
export interface ReferencePointsSpec<T extends { id: string }, S = undefined> {
  id: LayerId;
  items(city: CityReference): T[];
  feature(item: T, state: S): MapFeature<{ id: string }>;
  details(item: T, fmt: MapFormat, state: S): FeatureDetails;
  legend(ctx: LayerContext): LegendItem[];
  /** The map image of a point (see icons.ts): a name, or an expression on its properties. */
  icon: string | ExpressionSpecification;
  /** A live topic whose changes redraw the points. */
  topic?: PageTopic;
  state?(mode: DataMode): S;
  /** Style layers drawn under the icons (on the same source), ids starting with the layer's id. */
  under?(source: string): LayerSpecification[];
}

/**
 * A layer of the city pack's fixed points: drawn once from reference data as icons (smaller
 * over the whole city, full size from street level), no live topic, clickable for details.
 * Icons never hide each other and take no part in label placement.
 */
export function referencePointsLayer<T extends { id: string }, S = undefined>(spec: ReferencePointsSpec<T, S>): MapLayerDefinition {
  const source = spec.id;
  const dots = `${spec.id}-dot`;
  return {
    id: spec.id,
    titleKey: `map.layers.${spec.id}`,
    defaultOptions: {},
    topic: spec.topic ?? null,
    sources: [],
    create(map, ctx) {
      const items = spec.items(ctx.city);
      const byId = new Map(items.map((i) => [i.id, i]));
      let group: SourceGroup | null = null;
      let state = spec.state?.(ctx.mode) as S;
      const collection = () => ({ type: 'FeatureCollection' as const, features: items.map((i) => spec.feature(i, state)) });
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
          group = addSourceGroup(map, source, collection(), [...(spec.under?.(source) ?? []), { id: dots, type: 'symbol', source, layout }], { beforeId: ctx.beforeId });
        },
        update() {
          state = spec.state?.(ctx.mode) as S;
          group?.reset(collection());
        },
        setVisible: (v) => group?.setVisible(v),
        dispose() {
          group?.remove();
          group = null;
        },
        click(feature) {
          const item = byId.get(String(feature.properties.id));
          return item ? spec.details(item, ctx.fmt, state) : null;
        },
        legend: () => spec.legend(ctx),
        count: () => byId.size,
      };
    },
  };
}
