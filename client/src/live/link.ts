import { io, type Socket } from 'socket.io-client';
// Types only from live.ts: its values would pull zod into the worker's bundle.
import type { ClientToServerEvents, LiveTopic, ServerToClientWireEvents, TopicItems, TopicSubscription, WireDelta } from '../../../shared/contracts/live.js';
import { deltaItems } from '../../../shared/contracts/packed.js';
import type { GridCase } from '../../../shared/schemas/grid-event.js';
import { CaseBook } from './cases/case-book.js';
import { CaseViews, type ViewFactory } from './cases/views.js';
import { CASE_TOPIC, isHeldTopic, type ConnectionState, type FromLink, type ToLink } from './protocol.js';

type LiveSocket = Socket<ServerToClientWireEvents, ClientToServerEvents>;
type AnyItem = TopicItems[LiveTopic];

/**
 * The live connection, run in the live worker: subscribes to every topic, decodes the deltas,
 * and posts the page what its stores apply, in order. After any reconnect or `live:resync` it
 * subscribes again with `since` (the last seq applied per topic), so the page gets exactly the
 * deltas it missed, or a fresh snapshot. The held topics (`HELD_TOPICS` in protocol.ts: the
 * cases) stay here, in a {@link CaseBook}; the page gets their summary and the views it
 * watches ({@link CaseViews}, built from the registry of view kinds).
 */
export class LiveLink {
  private socket: LiveSocket | null = null;
  private topics: readonly LiveTopic[] = [];
  /** Last seq applied per topic: the `since` of the next subscribe, so nothing is missed or doubled. */
  private readonly seq: Partial<Record<LiveTopic, number>> = {};
  /** Deltas that arrive while a subscribe is in flight wait for its snapshot and `missed`. */
  private held: WireDelta[] | null = null;
  private readonly cases = new CaseBook();
  private readonly views: CaseViews;

  constructor(
    private readonly post: (msg: FromLink) => void,
    registry: ViewFactory,
  ) {
    this.views = new CaseViews(this.cases, post, registry);
  }

  handle(msg: ToLink): void {
    switch (msg.type) {
      case 'connect':
        return this.connect(msg.token, msg.namespace, msg.topics);
      case 'disconnect':
        return this.disconnect();
      case 'watch':
        return this.views.watch(msg.view, msg.spec);
      case 'unwatch':
        return this.views.unwatch(msg.view);
      case 'ask':
        return this.post({ type: 'answer', req: msg.req, data: this.views.answer(msg.query) } as FromLink);
    }
  }

  /** Opens the connection with `token`, or re-authenticates an open one with a new token. */
  private connect(token: string, namespace: string, topics: readonly LiveTopic[]): void {
    this.topics = topics;
    const open = this.socket;
    if (open) {
      open.auth = { token };
      // A handshake refused for an expired token leaves the socket closed: retry with the new one.
      if (!open.active) open.connect();
      return;
    }
    this.state('connecting');
    const s: LiveSocket = io(namespace, { auth: { token }, transports: ['websocket'], reconnectionDelayMax: 10_000 });
    this.socket = s;
    s.on('connect', () => void this.subscribe(s));
    s.on('disconnect', () => this.state('reconnecting'));
    s.io.on('reconnect_attempt', () => this.state('reconnecting'));
    s.on('connect_error', () => this.state(s.active ? 'reconnecting' : 'offline'));
    s.on('live:resync', () => void this.subscribe(s));
    s.on('live:delta', (d) => this.receive(d));
  }

  private disconnect(): void {
    this.socket?.close();
    this.socket = null;
    this.held = null;
    for (const t of Object.keys(this.seq) as LiveTopic[]) delete this.seq[t];
    // Signed out: the cases go with the session.
    this.cases.reset([], Date.now());
    this.views.changed('reset');
    this.summarise();
    this.state('offline');
  }

  private state(state: ConnectionState) {
    this.post({ type: 'state', state });
  }

  private receive(delta: WireDelta) {
    if (this.held) this.held.push(delta);
    else this.apply(delta);
  }

  private apply(delta: WireDelta) {
    const last = this.seq[delta.topic];
    // A delta at or below the last applied seq was already delivered (e.g. in `missed`).
    if (last !== undefined && delta.seq <= last) return;
    const items: AnyItem[] = deltaItems(delta);
    if (isHeldTopic(delta.topic)) {
      this.views.changed(this.cases.apply(items as GridCase[], Date.now()));
      this.summarise();
    } else this.post({ type: 'delta', topic: delta.topic, items } as FromLink);
    this.seq[delta.topic] = delta.seq;
  }

  private summarise() {
    this.post({ type: 'summary', topic: CASE_TOPIC, summary: this.cases.summary() });
  }

  private applySubscription(topic: LiveTopic, sub: TopicSubscription) {
    if (sub.snapshot) {
      if (isHeldTopic(topic)) {
        this.cases.reset(sub.snapshot as GridCase[], Date.now());
        this.views.changed('reset');
        this.summarise();
      } else this.post({ type: 'snapshot', topic, items: sub.snapshot } as FromLink);
      this.seq[topic] = sub.seq;
    }
    for (const d of sub.missed ?? []) this.apply(d);
    this.seq[topic] = Math.max(this.seq[topic] ?? 0, sub.seq);
  }

  private async subscribe(s: LiveSocket) {
    this.held = [];
    try {
      // Packed deltas: a busy case stream is less than half the bytes to receive and decode.
      const res = await s.emitWithAck('live:subscribe', { topics: [...this.topics], since: { ...this.seq }, encoding: 'packed' });
      if (!res.ok) {
        this.state('offline');
        return;
      }
      for (const topic of this.topics) {
        const sub = res.data.topics[topic];
        if (sub) this.applySubscription(topic, sub);
      }
      this.state('live');
    } finally {
      const waiting = this.held ?? [];
      this.held = null;
      for (const d of waiting) this.apply(d);
    }
  }
}
