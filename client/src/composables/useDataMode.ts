import { computed, ref, type ComputedRef, type Ref } from 'vue';
import { topicStores, useGridStore } from '../stores/streams.js';
import type { DataMode } from '../stores/topic-store.js';

/**
 * Which partition the whole screen shows: real data by default, or the drill (exercise)
 * partition on request. One mode for the whole screen, so real and drill never mix.
 */
export function useDataMode(initial: DataMode): {
  mode: Ref<DataMode>;
  /** True while any stream holds drill data: the header then offers the drill view. */
  drillActive: ComputedRef<boolean>;
  toggle(): void;
} {
  const mode = ref<DataMode>(initial);
  const stores = Object.values(topicStores).map((use) => use());
  const grid = useGridStore();
  const drillActive = computed(() => grid.sizes.drill > 0 || stores.some((s) => s.drill.size > 0));
  return {
    mode,
    drillActive,
    toggle: () => (mode.value = mode.value === 'drill' ? 'real' : 'drill'),
  };
}
