import { computed, ref, type ComputedRef, type Ref } from 'vue';
import { useDrillsStore } from '../stores/streams.js';
import type { DataMode } from '../stores/topic-store.js';

/**
 * Which partition the whole screen shows: real data by default, or the drill (exercise)
 * partition on request. One mode for the whole screen, so real and drill never mix.
 */
export function useDataMode(initial: DataMode): {
  mode: Ref<DataMode>;
  /** True while a drill session is open (the server says when a drill begins and ends): the header then shows the drill badge. */
  drillActive: ComputedRef<boolean>;
  toggle(): void;
} {
  const mode = ref<DataMode>(initial);
  const drills = useDrillsStore();
  const drillActive = computed(() => drills.real.size > 0);
  return {
    mode,
    drillActive,
    toggle: () => (mode.value = mode.value === 'drill' ? 'real' : 'drill'),
  };
}
