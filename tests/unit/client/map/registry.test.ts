import { describe, expect, it } from 'vitest';
import { createLayerRegistry } from '../../../../client/src/map/layers/registry.js';
import { mapLayers } from '../../../../client/src/map/layers/index.js';
import { LAYER_IDS, type MapLayerDefinition } from '../../../../client/src/map/layers/types.js';

const stub = (id: MapLayerDefinition['id']): MapLayerDefinition => ({
  id,
  titleKey: `map.layers.${id}`,
  defaultOptions: {},
  topic: null,
  sources: [],
  create: () => {
    throw new Error('not drawn in this test');
  },
});

describe('map layer registry', () => {
  it('refuses a layer id registered twice', () => {
    const registry = createLayerRegistry();
    registry.register(stub('cases'));
    expect(() => registry.register(stub('cases'))).toThrow('map layer "cases" is registered twice');
  });

  it('keeps layers in registration order and finds them by id', () => {
    const registry = createLayerRegistry();
    registry.register(stub('districts'));
    registry.register(stub('alerts'));
    expect(registry.all().map((d) => d.id)).toEqual(['districts', 'alerts']);
    expect(registry.get('alerts')?.titleKey).toBe('map.layers.alerts');
    expect(registry.get('cameras')).toBeUndefined();
  });

  it('registers every layer of the contract once, in drawing order', () => {
    expect(mapLayers.all().map((d) => d.id)).toEqual([...LAYER_IDS]);
    expect(mapLayers.get('alerts')?.topic).toBe('alerts');
    // The case layers watch views in the live worker, not a page store; their freshness is the case stream's.
    expect(mapLayers.get('cases')?.topic).toBeNull();
    expect(mapLayers.get('cases')?.sources).toEqual(['grid']);
    expect(mapLayers.get('air')?.sources).toEqual(['air']);
    // Reference points, redrawn when assignments change what each resource has committed.
    expect(mapLayers.get('resources')?.topic).toBe('dispatch');
    expect(mapLayers.get('cameras')?.topic).toBeNull();
  });
});
