import { onBeforeUnmount, watch } from 'vue';
import type { DataMode, TopicChange } from '../../stores/topic-store.js';

/** A topic store as Pinia exposes it: the partitions unwrapped to their maps. */
export interface PartitionedStore<T> {
  real: ReadonlyMap<string, T>;
  drill: ReadonlyMap<string, T>;
  onChange(mode: DataMode, fn: (change: TopicChange<T>) => void): () => void;
}

/**
 * Follows one partition (real or drill) of a topic store: `onChange` first gets the whole
 * partition as a reset, then exactly the items that change; switching mode starts over with
 * the other partition. The subscription ends with the component.
 */
export function usePartition<T extends { id: string }>(store: PartitionedStore<T>, mode: () => DataMode, onChange: (change: TopicChange<T>, mode: DataMode) => void): void {
  let off: (() => void) | null = null;
  watch(
    mode,
    (m) => {
      off?.();
      off = store.onChange(m, (c) => onChange(c, m));
      onChange({ items: [...store[m].values()], reset: true }, m);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => off?.());
}
