import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { PageTopic } from '../../live/protocol.js';
import type { SourceId } from '../../freshness/freshness.js';
import type { DataMode, TopicChange } from '../../stores/topic-store.js';
import type { CityReference } from '../../stores/reference.js';
import type { LiveSource } from '../../services/live-source.js';
import type { ChoroplethMetric } from '../choropleth.js';
import type { MapFormat } from '../format.js';

/** The map's layers, in drawing order from bottom to top. */
export const LAYER_IDS = ['districts', 'case-hex', 'water', 'air', 'resources', 'cameras', 'cases', 'alerts'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** One row of a feature's details popup: an already translated label and value. */
export interface DetailField {
  label: string;
  value: string;
  /** Draws the value as a warning (overdue, red alert). */
  alert?: boolean;
  /** A paragraph (an alert's description, its instructions): drawn across the popup, scrolling when long. */
  long?: boolean;
}

/** What the popup shows for a clicked feature. */
export interface FeatureDetails {
  title: string;
  /** Colour swatch next to the title (status, AQI category, warning level …). */
  color?: string;
  fields: DetailField[];
}

/** One key of the legend. */
export interface LegendItem {
  label: string;
  color: string;
  shape: 'fill' | 'circle' | 'ring' | 'line';
}

/** What a layer gets from the map: the data mode, the live source, reference data, formatting and a change signal. */
export interface LayerContext {
  mode: DataMode;
  /** The page's live source: the case layers watch their views in the live worker through it. */
  live: LiveSource;
  city: CityReference;
  /** The district metric the choropleth shows (read at each update: the chooser changes it). */
  choropleth(): ChoroplethMetric;
  fmt: MapFormat;
  /**
   * The layer's data changed (at most once per frame): refresh its feature count, and its
   * legend when `legend` is true (a legend depends on data only through a scale: a busy
   * stream must not rebuild every legend text per update).
   */
  changed(legend?: boolean): void;
  /** The style layer to add below, keeping the registry's drawing order when layers are created late. */
  beforeId?: string;
}

/** A layer added to one map. */
export interface LayerInstance {
  /** Adds sources and style layers and draws the current data. */
  init(): void;
  /** Items of the layer's topic changed (see {@link MapLayerDefinition.topic}); the layer applies them incrementally. */
  update?(change: TopicChange<{ id: string }>): void;
  setVisible(visible: boolean): void;
  /** Something else the layer reads changed (the language, the choropleth metric): redraw what depends on it. */
  refresh?(): void;
  dispose(): void;
  /** Style layer ids a click can hit. */
  readonly interactive: readonly string[];
  /**
   * Details of a clicked feature of this layer; null when the click was handled otherwise
   * (cluster zoom). A promise when they must be asked for (a case, from the live worker).
   */
  click(feature: MapGeoJSONFeature): FeatureDetails | null | Promise<FeatureDetails | null>;
  legend(): LegendItem[];
  /** The legend's heading when the layer's name alone would not say what is drawn (the choropleth's metric). */
  legendTitle?(): string;
  /** Features drawn (cases, stations, cells …), for the toggle badge and tests. */
  count(): number;
}

/** A kind of map layer, registered once. */
export interface MapLayerDefinition<O extends object = object> {
  id: LayerId;
  /** i18n key of the layer's name (toggle button, legend heading). */
  titleKey: string;
  defaultOptions: O;
  /**
   * The live topic whose changes reach `update`; null for reference data (resources, cameras)
   * and for the case layers, which watch their views through `ctx.live`.
   */
  topic: PageTopic | null;
  /** Sources whose freshness the layer depends on. */
  sources: readonly SourceId[];
  create(map: MapLibreMap, ctx: LayerContext, options?: Partial<O>): LayerInstance;
}
