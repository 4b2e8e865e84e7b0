import { computed, type ComputedRef } from 'vue';
import { DEFAULT_EXPECTED_S, SOURCE_TOPIC, freshnessOf, parseExpectOverrides, type Freshness, type SourceId } from '../freshness/freshness.js';
import { heardStores } from '../stores/streams.js';
import { useClock } from './useClock.js';

const overrides = parseExpectOverrides(typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('expect'));

/** Expected interval of a source in ms, after the screen's `?expect=` overrides. */
export function expectedMs(source: SourceId): number {
  return (overrides[source] ?? DEFAULT_EXPECTED_S[source]) * 1000;
}

/**
 * Freshness of a widget's or layer's sources, ticking with the clock: stale as soon as any
 * of them is stale, with the age of the oldest; it recovers by itself when data arrives.
 * The value only changes when the freshness does: a busy source that speaks many times a
 * second re-renders nothing.
 */
export function useFreshness(sources: readonly SourceId[]): ComputedRef<Freshness> {
  const now = useClock();
  return computed((previous) => {
    let worst: Freshness = { state: 'fresh', ageMs: 0 };
    for (const src of sources) {
      const heard = heardStores[SOURCE_TOPIC[src]]().lastHeard[src];
      const f = freshnessOf(heard, expectedMs(src), now.value);
      if (f.state === 'stale' && (worst.state !== 'stale' || (f.ageMs ?? 0) > (worst.ageMs ?? 0))) worst = f;
      else if (f.state === 'unknown' && worst.state === 'fresh') worst = f;
    }
    return previous?.state === worst.state && previous.ageMs === worst.ageMs ? previous : worst;
  });
}
