import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue';
import { SOURCE_TOPIC, type SourceId } from './freshness.js';
import { heardStores } from '../stores/streams.js';

/** When this app started waiting for data (the page's load): the "since" of a source never heard. */
export const WAITING_SINCE = Date.now();

/**
 * The instant since which there has been nothing to show from `sources`: the last time any
 * of them delivered (data that has since gone out of date), else the app's start.
 */
export function noDataSince(lastHeard: ReadonlyArray<number | null | undefined>, waitingSince = WAITING_SINCE): number {
  let last = -Infinity;
  for (const at of lastHeard) if (at != null && at > last) last = at;
  return Number.isFinite(last) ? last : waitingSince;
}

/** "08:00" today, "12-05 08:00" on an earlier day: China time, where the city is. */
export function sinceLabel(at: number, now: number, locale: string): string {
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(ms);
  const opts: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false };
  if (day(at) !== day(now)) Object.assign(opts, { month: '2-digit', day: '2-digit' });
  return new Intl.DateTimeFormat(locale, opts).format(at);
}

const KEY: InjectionKey<ComputedRef<number>> = Symbol('no-data-since');

/** Lets the widgets inside a frame say since when its sources have had nothing to show. */
export function provideNoDataSince(sources: readonly SourceId[]): void {
  provide(
    KEY,
    computed(() => noDataSince(sources.map((s) => heardStores[SOURCE_TOPIC[s]]().lastHeard[s]))),
  );
}

/** The frame's "since" instant; outside a frame, the app's start. */
export function useNoDataSince(): ComputedRef<number> {
  return inject(
    KEY,
    computed(() => WAITING_SINCE),
  );
}
