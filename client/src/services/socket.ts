import { ref, readonly } from 'vue';
import { LIVE_NAMESPACE, LIVE_TOPICS } from '../../../shared/contracts/live.js';
import type { ConnectionState, FromLink, ToLink } from '../live/protocol.js';
import { topicStores } from '../stores/streams.js';

export type { ConnectionState } from '../live/protocol.js';

/** The page's end of the live worker: a `Worker`, or anything that carries the same messages. */
export interface LinkPort {
  postMessage(msg: ToLink): void;
  onmessage: ((e: MessageEvent<FromLink>) => void) | null;
  /** The worker failed (its script did not load, or it threw): the screen shows it is offline. */
  onerror: ((e: ErrorEvent) => void) | null;
}

/** Applies one message of the live worker to the page. */
function dispatch(msg: FromLink, state: { value: ConnectionState }) {
  if (msg.type === 'state') {
    state.value = msg.state;
    return;
  }
  const store = topicStores[msg.topic]();
  if (msg.type === 'snapshot') store.applySnapshot(msg.items as never[]);
  else if (msg.type === 'delta') store.applyDelta(msg.items as never[]);
  else store.applyPatch(msg.patch as never);
}

/**
 * The app's live connection, with the page's side of it: the Socket.IO connection itself runs
 * in a worker (`open`), which receives and decodes every frame and posts the topic stores
 * what to apply. `open` is called on the first connect.
 */
export function createLiveSocket(open: () => LinkPort) {
  const state = ref<ConnectionState>('offline');
  let port: LinkPort | null = null;
  return {
    state: readonly(state),
    /** Opens the connection with `token`, or re-authenticates an open one with a new token. */
    connect(token: string): void {
      if (!port) {
        port = open();
        port.onmessage = (e) => dispatch(e.data, state);
        port.onerror = (e) => {
          state.value = 'offline';
          console.error('live worker failed', e);
        };
      }
      port.postMessage({ type: 'connect', token, namespace: LIVE_NAMESPACE, topics: LIVE_TOPICS });
    },
    disconnect(): void {
      port?.postMessage({ type: 'disconnect' });
      state.value = 'offline';
    },
  };
}

/** The one live connection of the app, in the live worker. */
export const liveSocket = createLiveSocket(() => new Worker(new URL('../live/live.worker.ts', import.meta.url), { type: 'module', name: 'live' }));
