import { inject, type InjectionKey, type Ref } from 'vue';
import type { Answers, ConnectionState, Query, ViewData, ViewKind, ViewSpec } from '../live/protocol.js';

/** A view the page watches (see {@link ViewSpec}): move it to a new spec, or stop it. */
export interface ViewHandle<K extends ViewKind> {
  /** The view's id in the worker (questions about it name it). */
  readonly id: number;
  update(spec: Extract<ViewSpec, { kind: K }>): void;
  stop(): void;
}

/**
 * The live data a page, widget or layer reads beyond its topic stores: views of the held
 * topics (the cases) and one-off questions about them, and the connection's state. The page
 * provides it ({@link LIVE_SOURCE}; the app's is `liveSocket`, services/socket.ts), so a
 * component never imports the socket and a test provides a fake. The small topics' items
 * are in the Pinia topic stores (stores/streams.ts), which the app's Pinia provides likewise.
 */
export interface LiveSource {
  readonly state: Readonly<Ref<ConnectionState>>;
  /**
   * Watches a view of the cases: `onData` gets its data at once (as soon as the worker has
   * it), then every change, at most once a second.
   */
  watch<K extends ViewKind>(spec: Extract<ViewSpec, { kind: K }>, onData: (data: ViewData[K]) => void): ViewHandle<K>;
  /** Asks the worker about its cases (a case's details, a cluster's zoom). */
  ask<Q extends Query>(query: Q): Promise<Answers[Q['kind']]>;
}

/** The injection key of the page's {@link LiveSource}. */
export const LIVE_SOURCE: InjectionKey<LiveSource> = Symbol('live source');

/** The live source the page provided; throws in a component mounted without one (a programming error). */
export function useLiveSource(): LiveSource {
  const source = inject(LIVE_SOURCE, null);
  if (!source) throw new Error('no live source: the page provides LIVE_SOURCE (see views/ScreenView.vue)');
  return source;
}
