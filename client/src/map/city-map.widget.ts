import { z } from 'zod';
import { defineWidget } from '../widgets/registry.js';
import { CHOROPLETH_METRICS } from './choropleth.js';
import { mapLayers } from './layers/index.js';
import { LAYER_IDS } from './layers/types.js';
import CityMap from './CityMap.vue';

/** Options of a `city-map` instance: the layers shown at start and the district metric. */
export const cityMapOptions = z.object({
  layers: z.array(z.enum(LAYER_IDS)).default(['districts', 'cases', 'alerts']),
  choropleth: z.enum(CHOROPLETH_METRICS).default('cases'),
});
export type CityMapOptions = z.infer<typeof cityMapOptions>;

/** 城市运行一张图: the live city map (see client/src/map/layers for its layers). */
export const cityMapWidget = defineWidget({
  type: 'city-map',
  titleKey: 'map.title',
  component: CityMap,
  options: cityMapOptions,
  sources: (o) => [...new Set(o.layers.flatMap((id) => mapLayers.get(id)?.sources ?? []))],
  drill: true,
});
