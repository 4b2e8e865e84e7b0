import { ref, readonly } from 'vue';
import { LIVE_NAMESPACE, LIVE_TOPICS } from '../../../shared/contracts/live.js';
import type { Answers, ConnectionState, FromLink, Query, ToLink, ViewData, ViewKind, ViewSpec } from '../live/protocol.js';
import { topicStores, useGridStore } from '../stores/streams.js';
import type { LiveSource, ViewHandle } from './live-source.js';

export type { ConnectionState } from '../live/protocol.js';

/** The page's end of the live worker: a `Worker`, or anything that carries the same messages. */
export interface LinkPort {
  postMessage(msg: ToLink): void;
  onmessage: ((e: MessageEvent<FromLink>) => void) | null;
  /** The worker failed (its script did not load, or it threw): the screen shows it is offline. */
  onerror: ((e: ErrorEvent) => void) | null;
}

/**
 * The app's live connection, with the page's side of it: the Socket.IO connection itself runs
 * in a worker (`open`), which receives and decodes every frame and posts the topic stores
 * what to apply; the cases stay in the worker, and the page watches views of them
 * ({@link watch}) and asks about one ({@link ask}). `open` is called on first use.
 */
export function createLiveSocket(open: () => LinkPort): LiveSocket {
  const state = ref<ConnectionState>('offline');
  let port: LinkPort | null = null;
  let nextId = 1;
  const viewers = new Map<number, (data: never) => void>();
  const asks = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  function dispatch(msg: FromLink) {
    switch (msg.type) {
      case 'state':
        state.value = msg.state;
        return;
      case 'summary':
        useGridStore().applySummary(msg.summary);
        return;
      case 'view':
        viewers.get(msg.view)?.(msg.data as never);
        return;
      case 'answer':
        asks.get(msg.req)?.resolve(msg.data);
        asks.delete(msg.req);
        return;
      case 'snapshot':
        topicStores[msg.topic]().applySnapshot(msg.items as never[]);
        return;
      case 'delta':
        topicStores[msg.topic]().applyDelta(msg.items as never[]);
    }
  }

  function link(): LinkPort {
    if (port) return port;
    const p = open();
    p.onmessage = (e) => dispatch(e.data);
    p.onerror = (e) => {
      state.value = 'offline';
      for (const a of asks.values()) a.reject(new Error('live worker failed'));
      asks.clear();
      console.error('live worker failed', e);
    };
    port = p;
    return p;
  }

  return {
    state: readonly(state),
    /** Opens the connection with `token`, or re-authenticates an open one with a new token. */
    connect(token: string): void {
      link().postMessage({ type: 'connect', token, namespace: LIVE_NAMESPACE, topics: LIVE_TOPICS });
    },
    disconnect(): void {
      port?.postMessage({ type: 'disconnect' });
      state.value = 'offline';
    },
    /**
     * Watches a view of the cases: `onData` gets its data at once (as soon as the worker has
     * it), then every change, at most once a second.
     */
    watch<K extends ViewKind>(spec: Extract<ViewSpec, { kind: K }>, onData: (data: ViewData[K]) => void): ViewHandle<K> {
      const id = nextId++;
      viewers.set(id, onData);
      link().postMessage({ type: 'watch', view: id, spec });
      return {
        id,
        update: (next) => viewers.has(id) && link().postMessage({ type: 'watch', view: id, spec: next }),
        stop() {
          if (!viewers.delete(id)) return;
          link().postMessage({ type: 'unwatch', view: id });
        },
      };
    },
    /** Asks the worker about its cases (a case's details, a cluster's zoom). */
    ask<Q extends Query>(query: Q): Promise<Answers[Q['kind']]> {
      const req = nextId++;
      return new Promise((resolve, reject) => {
        asks.set(req, { resolve, reject });
        link().postMessage({ type: 'ask', req, query });
      });
    },
  };
}
/** The live source pages provide, and what the app's session opens and closes. */
export interface LiveSocket extends LiveSource {
  /** Opens the connection with `token`, or re-authenticates an open one with a new token. */
  connect(token: string): void;
  disconnect(): void;
}

/**
 * The one live connection of the app, in the live worker. Only the app's session
 * (useSessionKeeper) and the pages that provide it as their {@link LiveSource} import it.
 */
export const liveSocket = createLiveSocket(() => new Worker(new URL('../live/live.worker.ts', import.meta.url), { type: 'module', name: 'live' }));
