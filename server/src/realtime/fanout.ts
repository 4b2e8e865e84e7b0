import type { DeltaEncoding, LiveDelta, LiveTopic, WireDelta } from '../../../shared/contracts/live.js';
import type { BackpressureGuard } from './backpressure.js';
import { encodeDelta, roomName, scopeDelta, scopeKey, type Scope } from './subscriptions.js';
import type { LiveNamespace, LiveSocket } from './types.js';

/** What one subscription of a topic receives: its items filtered to a scope, in an encoding. */
export interface View {
  scope: Scope;
  encoding: DeltaEncoding;
}

/** A subscribe in progress: deltas delivered meanwhile wait here until the ack is out. */
interface Hold extends View {
  token: number;
  /** The seq the ack answered with; null while the subscribe is still reading. */
  ackSeq: number | null;
  buffered: WireDelta[];
}

interface RoomEntry extends View {
  members: number;
}

const roomOf = (topic: LiveTopic, v: View) => roomName(topic, v.scope, v.encoding);

/**
 * Sends each delta once per distinct view (topic + scope + encoding) to the room of the local
 * clients that share it, and keeps subscribes gap-free: a socket is held out of its room until the
 * node has delivered everything up to the seq its ack answered with.
 */
export class Fanout {
  private readonly live = new Map<string, Map<LiveTopic, View>>();
  private readonly holds = new Map<LiveTopic, Map<string, Hold>>();
  private readonly rooms = new Map<LiveTopic, Map<string, RoomEntry>>();
  private nextToken = 1;
  readonly counters = { deltasDelivered: 0, roomEmits: 0, deliveries: 0 };

  constructor(
    private readonly nsp: LiveNamespace,
    private readonly guard: BackpressureGuard,
    private readonly frontier: (topic: LiveTopic) => number,
  ) {}

  /** Live topic subscriptions on this node. */
  subscriptionCount(): number {
    let n = 0;
    for (const topics of this.live.values()) n += topics.size;
    return n;
  }

  /** Topics the socket receives now. */
  topicsOf(socketId: string): LiveTopic[] {
    return [...(this.live.get(socketId)?.keys() ?? [])];
  }

  /** Starts a subscribe of `topic`: the socket leaves its room and collects deltas aside. */
  beginHold(socket: LiveSocket, topic: LiveTopic, view: View): number {
    this.leave(socket, topic);
    this.guard.clear(socket.id, [topic]);
    const token = this.nextToken++;
    this.holdsOf(topic).set(socket.id, { token, scope: view.scope, encoding: view.encoding, ackSeq: null, buffered: [] });
    return token;
  }

  /** Call right after the ack went out: sends what came after `ackSeq`, then joins the room. */
  releaseHold(socket: LiveSocket, topic: LiveTopic, token: number, ackSeq: number): void {
    const hold = this.holds.get(topic)?.get(socket.id);
    if (!hold || hold.token !== token) return; // a later subscribe of the same topic owns it
    if (!socket.connected) {
      this.holds.get(topic)?.delete(socket.id);
      return;
    }
    hold.ackSeq = ackSeq;
    for (const d of hold.buffered) if (d.seq > ackSeq) socket.emit('live:delta', d);
    hold.buffered = [];
    if (this.frontier(topic) >= ackSeq) this.goLive(socket, topic, hold);
  }

  /** Abandons a subscribe that failed. */
  cancelHold(socketId: string, topic: LiveTopic, token: number): void {
    const holds = this.holds.get(topic);
    if (holds?.get(socketId)?.token === token) holds.delete(socketId);
  }

  unsubscribe(socket: LiveSocket, topics: readonly LiveTopic[]): void {
    for (const t of topics) {
      this.leave(socket, t);
      this.holds.get(t)?.delete(socket.id);
    }
    this.guard.clear(socket.id, topics);
  }

  /** Forgets a disconnected socket (Socket.IO already took it out of its rooms). */
  remove(socketId: string): void {
    for (const [topic, view] of this.live.get(socketId) ?? []) this.unindex(topic, roomOf(topic, view));
    this.live.delete(socketId);
    for (const holds of this.holds.values()) holds.delete(socketId);
    this.guard.clear(socketId);
  }

  /** Tells a drained socket which topics to re-subscribe with `since`. */
  resync(socketId: string, topics: LiveTopic[]): void {
    const socket = this.nsp.sockets.get(socketId);
    if (socket && topics.length > 0) socket.emit('live:resync', { topics });
  }

  /** Takes every local subscriber of `topic` off it and asks it to resync (after a lost seq). */
  resyncTopic(topic: LiveTopic): void {
    for (const [id, topics] of [...this.live]) {
      const socket = this.nsp.sockets.get(id);
      if (!socket || !topics.has(topic)) continue;
      this.leave(socket, topic);
      this.resync(id, [topic]);
    }
  }

  /** Delivers one delta (called in seq order per topic). */
  deliver(delta: LiveDelta): void {
    this.counters.deltasDelivered++;
    const topic = delta.topic;
    const rooms = this.rooms.get(topic);
    // Filtered once per scope, encoded once per room.
    const byScope = new Map<string, LiveDelta>();
    const scoped = (scope: Scope) => {
      const key = scopeKey(scope);
      return byScope.get(key) ?? byScope.set(key, scopeDelta(delta, scope)).get(key)!;
    };
    const byRoom = new Map<string, WireDelta>();
    if (rooms && rooms.size > 0) {
      this.cutOverCap(rooms);
      if (topic !== 'alerts') this.shedCongested(rooms);
      for (const [room, entry] of rooms) {
        const payload = encodeDelta(scoped(entry.scope), entry.encoding);
        byRoom.set(room, payload);
        this.nsp.local.to(room).emit('live:delta', payload);
        this.counters.roomEmits++;
        this.counters.deliveries += this.nsp.adapter.rooms.get(room)?.size ?? 0;
      }
    }
    const holds = this.holds.get(topic);
    if (!holds) return;
    for (const [id, hold] of holds) {
      const socket = this.nsp.sockets.get(id);
      if (!socket) {
        holds.delete(id);
        continue;
      }
      if (hold.ackSeq !== null && delta.seq <= hold.ackSeq) {
        if (delta.seq === hold.ackSeq) this.goLive(socket, topic, hold);
        continue;
      }
      const payload = byRoom.get(roomOf(topic, hold)) ?? encodeDelta(scoped(hold.scope), hold.encoding);
      if (hold.ackSeq === null) {
        hold.buffered.push(payload);
        continue;
      }
      socket.emit('live:delta', payload);
      this.goLive(socket, topic, hold);
    }
  }

  private goLive(socket: LiveSocket, topic: LiveTopic, hold: Hold): void {
    this.holds.get(topic)?.delete(socket.id);
    const room = roomOf(topic, hold);
    void socket.join(room);
    let topics = this.live.get(socket.id);
    if (!topics) this.live.set(socket.id, (topics = new Map<LiveTopic, View>()));
    topics.set(topic, { scope: hold.scope, encoding: hold.encoding });
    let rooms = this.rooms.get(topic);
    if (!rooms) this.rooms.set(topic, (rooms = new Map<string, RoomEntry>()));
    const entry = rooms.get(room);
    if (entry) entry.members++;
    else rooms.set(room, { scope: hold.scope, encoding: hold.encoding, members: 1 });
  }

  private leave(socket: LiveSocket, topic: LiveTopic): void {
    const topics = this.live.get(socket.id);
    const view = topics?.get(topic);
    if (!topics || view === undefined) return;
    topics.delete(topic);
    if (topics.size === 0) this.live.delete(socket.id);
    const room = roomOf(topic, view);
    void socket.leave(room);
    this.unindex(topic, room);
  }

  private unindex(topic: LiveTopic, room: string): void {
    const rooms = this.rooms.get(topic);
    const entry = rooms?.get(room);
    if (!rooms || !entry) return;
    if (--entry.members <= 0) rooms.delete(room);
  }

  /** Disconnects members whose queue passed the hard cap (the only bound on a never-shed alert backlog). */
  private cutOverCap(rooms: Map<string, RoomEntry>): void {
    for (const room of rooms.keys()) {
      for (const id of [...(this.nsp.adapter.rooms.get(room) ?? [])]) {
        const socket = this.nsp.sockets.get(id);
        if (socket) this.guard.cutIfOverCap(socket);
      }
    }
  }

  /** Alerts are never shed; every other topic is, for sockets whose buffers are over the limit. */
  private shedCongested(rooms: Map<string, RoomEntry>): void {
    const victims: LiveSocket[] = [];
    for (const room of rooms.keys()) {
      for (const id of this.nsp.adapter.rooms.get(room) ?? []) {
        const socket = this.nsp.sockets.get(id);
        if (socket && this.guard.isCongested(socket)) victims.push(socket);
      }
    }
    for (const socket of new Set(victims)) {
      const topics = this.topicsOf(socket.id).filter((t) => t !== 'alerts');
      for (const t of topics) this.leave(socket, t);
      this.guard.markDropped(socket.id, topics);
    }
  }

  private holdsOf(topic: LiveTopic): Map<string, Hold> {
    let holds = this.holds.get(topic);
    if (!holds) this.holds.set(topic, (holds = new Map<string, Hold>()));
    return holds;
  }
}
