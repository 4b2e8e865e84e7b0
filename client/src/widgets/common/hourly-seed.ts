import { onBeforeUnmount, watch } from 'vue';
import type { DataMode } from '../../stores/topic-store.js';
import { useClock } from '../../composables/useClock.js';
import { epochHour } from '../../model/aggregates/hourly-window.js';

/** A failed load is tried again after this long. */
const RETRY_MS = 30_000;

/**
 * Loads a trend's hourly statistics from the server for the shown mode: at once, again when
 * the mode changes, and again at every new hour (so live counting never drifts for longer
 * than an hour), retrying a failed load. A stale answer (the mode changed meanwhile, or the
 * component is gone) is dropped.
 */
export function useHourlySeed<S>(mode: () => DataMode, load: (mode: DataMode) => Promise<S>, onSeed: (stats: S, mode: DataMode) => void): void {
  const now = useClock();
  let generation = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  async function fetchSeed(): Promise<void> {
    const g = ++generation;
    clearTimeout(retry);
    const m = mode();
    try {
      const stats = await load(m);
      if (g === generation) onSeed(stats, m);
    } catch {
      if (g === generation) retry = setTimeout(() => void fetchSeed(), RETRY_MS);
    }
  }

  watch(mode, () => void fetchSeed(), { immediate: true });
  let hour = epochHour(now.value);
  watch(now, (t) => {
    if (epochHour(t) === hour) return;
    hour = epochHour(t);
    void fetchSeed();
  });
  onBeforeUnmount(() => {
    generation++;
    clearTimeout(retry);
  });
}

/** The query string of a stats request for a mode: drill data is asked for explicitly. */
export function statsQuery(mode: DataMode, hours: number): string {
  return `?hours=${hours}${mode === 'drill' ? '&exercise=true' : ''}`;
}
