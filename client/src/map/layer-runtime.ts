import type { LngLat, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { topicStores } from '../stores/streams.js';
import type { LayerContext, LayerId, LayerInstance, FeatureDetails, LegendItem, MapLayerDefinition } from './layers/types.js';

interface Running {
  def: MapLayerDefinition;
  inst: LayerInstance;
  visible: boolean;
  unsubscribe: () => void;
}

/** A legend section: one visible layer's keys. */
export interface LegendSection {
  id: LayerId;
  titleKey: string;
  /** A heading that replaces the layer's name (already translated). */
  title?: string;
  items: LegendItem[];
}

/** What a click hit: its details and where to anchor the popup. */
export interface Picked {
  layer: LayerId;
  details: FeatureDetails;
  lngLat: LngLat;
}

/** Half the side of the box a click searches, in design pixels: a fingertip on a 4-pixel dot still hits it. */
const HIT = 5;

/**
 * Runs the registry's layers on one map. A layer is created the first time it is shown (so
 * hidden layers cost nothing), placed in the registry's drawing order, subscribed to its
 * topic's changes in the map's data mode, and kept (hidden) when toggled off so it can
 * return instantly.
 */
export function createLayerRuntime(map: MapLibreMap, defs: readonly MapLayerDefinition[], ctx: Omit<LayerContext, 'beforeId'>) {
  const running = new Map<LayerId, Running>();

  /** The first style layer of the nearest created layer drawn above `id`. */
  function beforeIdFor(id: LayerId): string | undefined {
    const order = map.getLayersOrder();
    for (const def of defs.slice(defs.findIndex((d) => d.id === id) + 1)) {
      if (!running.has(def.id)) continue;
      const first = order.find((l) => l.startsWith(`${def.id}-`));
      if (first) return first;
    }
    return undefined;
  }

  function start(def: MapLayerDefinition): Running {
    const inst = def.create(map, { ...ctx, beforeId: beforeIdFor(def.id) });
    inst.init();
    const unsubscribe = def.topic ? topicStores[def.topic]().onChange(ctx.mode, (change) => inst.update?.(change)) : () => undefined;
    const r = { def, inst, visible: true, unsubscribe };
    running.set(def.id, r);
    return r;
  }

  return {
    setVisible(id: LayerId, visible: boolean): void {
      const def = defs.find((d) => d.id === id);
      if (!def) return;
      const r = running.get(id) ?? (visible ? start(def) : null);
      if (!r) return;
      r.visible = visible;
      r.inst.setVisible(visible);
      ctx.changed(true);
    },
    /** The language or the choropleth metric changed. */
    refresh(): void {
      for (const r of running.values()) r.inst.refresh?.();
    },
    /**
     * Details of the feature under a click, dots before areas, else the top one (null when
     * none, or when the layer handled the click itself, e.g. a cluster zoom).
     */
    async pick(point: { x: number; y: number }, lngLat: LngLat): Promise<Picked | null> {
      const owners = new Map<string, Running>();
      for (const r of running.values()) if (r.visible) for (const l of r.inst.interactive) owners.set(l, r);
      if (owners.size === 0) return null;
      const box: [PointLike, PointLike] = [
        [point.x - HIT, point.y - HIT],
        [point.x + HIT, point.y + HIT],
      ];
      const hits = map.queryRenderedFeatures(box, { layers: [...owners.keys()] });
      // A dot under a translucent area (a case inside an alert polygon) is what the finger meant.
      const top = hits.find((f) => f.layer.type !== 'fill') ?? hits[0];
      const owner = top && owners.get(top.layer.id);
      if (!top || !owner) return null;
      const details = await owner.inst.click(top);
      return details && { layer: owner.def.id, details, lngLat };
    },
    /** Legend sections of the visible layers, top layer first (as a reader scans the map). */
    legend(): LegendSection[] {
      const shown = [...defs].reverse().flatMap((d) => {
        const r = running.get(d.id);
        return r?.visible ? [r] : [];
      });
      return shown.map((r) => {
        const title = r.inst.legendTitle?.();
        return { id: r.def.id, titleKey: r.def.titleKey, ...(title ? { title } : {}), items: r.inst.legend() };
      });
    },
    /** Features drawn per created layer. */
    counts(): Partial<Record<LayerId, number>> {
      return Object.fromEntries([...running.values()].map((r) => [r.def.id, r.inst.count()]));
    },
    dispose(): void {
      for (const r of running.values()) {
        r.unsubscribe();
        r.inst.dispose();
      }
      running.clear();
    },
  };
}
export type LayerRuntime = ReturnType<typeof createLayerRuntime>;
