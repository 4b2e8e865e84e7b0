import { defineStore } from 'pinia';
import { ref, shallowRef, triggerRef, type Ref, type ShallowRef } from 'vue';
import type { LiveTopic, TopicItems } from '../../../shared/contracts/live.js';

/** Real data, or the data of a drill (exercise): the two are never mixed. */
export type DataMode = 'real' | 'drill';

/** What changed in one partition: the items upserted, or `reset` after a snapshot. */
export interface TopicChange<T> {
  items: T[];
  reset: boolean;
}

type Listener<T> = (change: TopicChange<T>) => void;

/** The public face of every topic store. */
export interface TopicState<T extends { id: string }> {
  /** Items by key (see {@link TopicSpec.key}); replaced in place and signalled with `triggerRef`, so read `.value` in computeds. */
  real: ShallowRef<Map<string, T>>;
  drill: ShallowRef<Map<string, T>>;
  /**
   * When each source of the stream last spoke (ms since epoch), by source name (see
   * {@link TopicSpec.source}): the latest delta, or the newest item of a snapshot.
   */
  lastHeard: Ref<Record<string, number>>;
  applySnapshot(items: T[]): void;
  applyDelta(items: T[]): void;
  /** Subscribes to changes of one partition; returns the unsubscribe function. */
  onChange(mode: DataMode, fn: Listener<T>): () => void;
}

/** How a topic's items are partitioned and timestamped. */
export interface TopicSpec<T> {
  isDrill(item: T): boolean;
  /** The item's own time (ms), used to date a snapshot's freshness. */
  time(item: T): number;
  /**
   * What items are upserted by within a partition (default `id`). A grouping key (the station
   * of a reading) never reaches across partitions.
   */
  key?(item: T): string;
  /** The freshness source an item belongs to (default: the topic name). */
  source?(item: T): string;
  /**
   * The snapshot itself is current news of the source (alerts: the server's set of alerts in
   * force, possibly none), so a subscription answered counts as the source speaking.
   */
  snapshotIsCurrent?: boolean;
  /** Items to drop from the store (e.g. cancelled alerts); they still reach listeners once. */
  evict?(item: T): boolean;
  /**
   * An item older (by {@link time}) than the one held under its key does not replace it; it
   * still reaches listeners (env: a back-filled or re-assessed past reading never hides a
   * station's latest one, yet the trend charts get it).
   */
  keepNewest?: boolean;
}

/**
 * Defines the Pinia store of one live topic: upserts by id into a real and a drill partition,
 * tracks when the stream last spoke and notifies listeners (charts, map layers) of exactly
 * what changed so they can update incrementally.
 */
export function defineTopicStore<K extends LiveTopic>(topic: K, spec: TopicSpec<TopicItems[K]>) {
  type T = TopicItems[K];
  return defineStore(`topic:${topic}`, (): TopicState<T> => {
    const parts = { real: shallowRef(new Map<string, T>()), drill: shallowRef(new Map<string, T>()) };
    const listeners = { real: new Set<Listener<T>>(), drill: new Set<Listener<T>>() };
    const lastHeard = ref<Record<string, number>>({});
    const sourceOf = spec.source ?? (() => topic);
    const hear = (item: T, at: number) => {
      const src = sourceOf(item);
      if ((lastHeard.value[src] ?? 0) < at) lastHeard.value[src] = at;
    };
    const keyOf = spec.key ?? ((item: T) => item.id);
    /** A delta's items all spoke now: each source is marked once, not once per item. */
    const hearAll = (items: T[], now: number) => {
      const seen = new Set<string>();
      for (const item of items) {
        const src = sourceOf(item);
        if (seen.has(src)) continue;
        seen.add(src);
        hear(item, now);
      }
    };

    /**
     * Stores `item` in its partition (or evicts it) and records it as changed. A partition is
     * keyed on its own: a drill reading of a station never replaces the real reading of the
     * same station. Only an item keyed by its own id, which is the same item on both sides,
     * leaves the other partition when its drill flag flips.
     */
    function put(item: T, changed: Record<DataMode, T[]>) {
      const mode: DataMode = spec.isDrill(item) ? 'drill' : 'real';
      const key = keyOf(item);
      const held = parts[mode].value.get(key);
      if (spec.keepNewest && held && spec.time(held) > spec.time(item)) {
        changed[mode].push(item);
        return;
      }
      if (!spec.key) parts[mode === 'real' ? 'drill' : 'real'].value.delete(key);
      if (spec.evict?.(item)) parts[mode].value.delete(key);
      else parts[mode].value.set(key, item);
      changed[mode].push(item);
    }

    function notify(changed: Record<DataMode, T[]>, reset: boolean) {
      for (const mode of ['real', 'drill'] as const) {
        if (!reset && changed[mode].length === 0) continue;
        triggerRef(parts[mode]);
        for (const fn of listeners[mode]) fn({ items: changed[mode], reset });
      }
    }

    function upsert(items: T[], reset: boolean) {
      const changed: Record<DataMode, T[]> = { real: [], drill: [] };
      if (reset) for (const p of Object.values(parts)) p.value.clear();
      for (const item of items) put(item, changed);
      notify(changed, reset);
    }

    function applyDelta(items: T[]) {
      upsert(items, false);
      hearAll(items, Date.now());
    }

    return {
      real: parts.real,
      drill: parts.drill,
      lastHeard,
      applySnapshot(items) {
        upsert(items, true);
        const now = Date.now();
        for (const i of items) hear(i, Math.min(spec.time(i), now));
        if (spec.snapshotIsCurrent) lastHeard.value[topic] = now;
      },
      applyDelta,
      onChange(mode, fn) {
        listeners[mode].add(fn);
        return () => listeners[mode].delete(fn);
      },
    };
  });
}
