import { io, type Socket } from 'socket.io-client';
import { ref, readonly } from 'vue';
import { LIVE_NAMESPACE, LIVE_TOPICS, type ClientToServerEvents, type LiveTopic, type ServerToClientWireEvents, type TopicSubscription, type WireDelta } from '../../../shared/contracts/live.js';
import { topicStores } from '../stores/streams.js';

/** What the connection indicator shows. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

type LiveSocket = Socket<ServerToClientWireEvents, ClientToServerEvents>;

const state = ref<ConnectionState>('offline');
let socket: LiveSocket | null = null;
/** Last seq applied per topic: the `since` of the next subscribe, so nothing is missed or doubled. */
const seq: Partial<Record<LiveTopic, number>> = {};

/** Deltas that arrive while a subscribe is in flight wait for its snapshot and `missed`. */
let held: WireDelta[] | null = null;

function receive(delta: WireDelta) {
  if (held) held.push(delta);
  else apply(delta);
}

function apply(delta: WireDelta) {
  const last = seq[delta.topic];
  // A delta at or below the last applied seq was already delivered (e.g. in `missed`).
  if (last !== undefined && delta.seq <= last) return;
  const store = topicStores[delta.topic]();
  if ('packed' in delta) store.applyPacked(delta.packed);
  else store.applyDelta(delta.items as never[]);
  seq[delta.topic] = delta.seq;
}

function applySubscription(topic: LiveTopic, sub: TopicSubscription) {
  if (sub.snapshot) {
    topicStores[topic]().applySnapshot(sub.snapshot as never[]);
    seq[topic] = sub.seq;
  }
  for (const d of sub.missed ?? []) apply(d);
  seq[topic] = Math.max(seq[topic] ?? 0, sub.seq);
}

async function subscribe(s: LiveSocket) {
  held = [];
  try {
    // Packed deltas: a busy case stream costs the page less than half the bytes to receive and decode.
    const res = await s.emitWithAck('live:subscribe', { topics: [...LIVE_TOPICS], since: { ...seq }, encoding: 'packed' });
    if (!res.ok) {
      state.value = 'offline';
      return;
    }
    for (const topic of LIVE_TOPICS) {
      const sub = res.data.topics[topic];
      if (sub) applySubscription(topic, sub as TopicSubscription);
    }
    state.value = 'live';
  } finally {
    const waiting = held;
    held = null;
    for (const d of waiting) apply(d);
  }
}

/**
 * The one live socket of the app. Subscribes to every topic, feeds each topic's Pinia store,
 * and after any reconnect or `live:resync` subscribes again with `since`, so the stores get
 * exactly the deltas they missed (or a fresh snapshot).
 */
export const liveSocket = {
  state: readonly(state),
  /** Opens the connection with `token`, or re-authenticates an open one with a new token. */
  connect(token: string): void {
    if (socket) {
      socket.auth = { token };
      // A handshake refused for an expired token leaves the socket closed: retry with the new one.
      if (!socket.active) socket.connect();
      return;
    }
    state.value = 'connecting';
    const s: LiveSocket = io(LIVE_NAMESPACE, { auth: { token }, transports: ['websocket'], reconnectionDelayMax: 10_000 });
    socket = s;
    s.on('connect', () => void subscribe(s));
    s.on('disconnect', () => (state.value = 'reconnecting'));
    s.io.on('reconnect_attempt', () => (state.value = 'reconnecting'));
    s.on('connect_error', () => (state.value = s.active ? 'reconnecting' : 'offline'));
    s.on('live:resync', () => void subscribe(s));
    s.on('live:delta', receive);
  },
  disconnect(): void {
    socket?.close();
    socket = null;
    state.value = 'offline';
    for (const t of LIVE_TOPICS) delete seq[t];
  },
};
