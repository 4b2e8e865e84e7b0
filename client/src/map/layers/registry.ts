import type { LayerId, MapLayerDefinition } from './types.js';

/** A registry of map layer kinds; registering an id twice is a programming error. */
export function createLayerRegistry() {
  const byId = new Map<LayerId, MapLayerDefinition>();
  return {
    register(def: MapLayerDefinition): void {
      if (byId.has(def.id)) throw new Error(`map layer "${def.id}" is registered twice`);
      byId.set(def.id, def);
    },
    get(id: LayerId): MapLayerDefinition | undefined {
      return byId.get(id);
    },
    /** Every layer, in registration (drawing) order. */
    all(): MapLayerDefinition[] {
      return [...byId.values()];
    },
  };
}
export type LayerRegistry = ReturnType<typeof createLayerRegistry>;
