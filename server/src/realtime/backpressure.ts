import type { LiveTopic } from '../../../shared/contracts/live.js';

/** The parts of a Socket.IO server socket the guard looks at. */
export interface BufferedSocket {
  id: string;
  connected: boolean;
  conn: object;
}

/** A socket the guard can cut off: closing its connection (not the namespace) lets the client reconnect by itself. */
export interface ClosableSocket extends BufferedSocket {
  conn: { close(discard?: boolean): void };
}

// Engine.IO keeps these members out of its public types; they are stable across 6.x.
interface EngineInternals {
  writeBuffer?: unknown[];
  transport?: { socket?: { bufferedAmount?: unknown } };
}

/** Packets Engine.IO holds for the socket because its transport is not writable. */
export function bufferedPackets(socket: BufferedSocket): number {
  return (socket.conn as EngineInternals).writeBuffer?.length ?? 0;
}

/** Bytes the websocket (ws) queued in user space because the kernel would not take them. */
export function bufferedBytes(socket: BufferedSocket): number {
  const ws = (socket.conn as EngineInternals).transport?.socket;
  return typeof ws?.bufferedAmount === 'number' ? ws.bufferedAmount : 0;
}

/** Thresholds of the guard. */
export interface BackpressureOptions {
  /** Queued Engine.IO packets above which a socket is congested. */
  maxBufferedPackets: number;
  /** Queued websocket bytes above which a socket is congested. */
  maxBufferedBytes: number;
  /** Queued packets or bytes above which a socket is disconnected, whatever it subscribed. */
  hardCap?: { packets: number; bytes: number };
  /** How often drained sockets are looked for while some are dropped. */
  resumeCheckMs?: number;
  /** Called once a dropped socket has drained, with the topics it must re-subscribe. */
  onResume(socketId: string, topics: LiveTopic[]): void;
  /** Looks a socket up by id (it may be gone). */
  lookup(socketId: string): BufferedSocket | undefined;
}

/**
 * Keeps slow clients from growing server memory: a congested socket is taken off its
 * droppable topics (the caller leaves the rooms), and once its buffers have drained it is
 * told which topics to re-subscribe with `since`, so it catches up from the log instead.
 */
export class BackpressureGuard {
  private readonly dropped = new Map<string, Set<LiveTopic>>();
  private timer: NodeJS.Timeout | null = null;
  /** Socket-topic pairs taken off because of congestion, since start. */
  droppedCount = 0;
  /** `live:resync` messages sent, since start. */
  resyncCount = 0;
  /** Sockets disconnected for passing the hard cap, since start. */
  overCapCount = 0;

  constructor(private readonly opts: BackpressureOptions) {}

  isCongested(socket: BufferedSocket): boolean {
    return bufferedPackets(socket) > this.opts.maxBufferedPackets || bufferedBytes(socket) > this.opts.maxBufferedBytes;
  }

  /**
   * Disconnects a socket whose queue passed the hard cap and returns true. Its transport is
   * closed rather than the namespace, so the client reconnects and re-subscribes with `since`.
   */
  cutIfOverCap(socket: ClosableSocket): boolean {
    const cap = this.opts.hardCap;
    if (!cap || (bufferedPackets(socket) <= cap.packets && bufferedBytes(socket) <= cap.bytes)) return false;
    this.overCapCount++;
    this.clear(socket.id);
    // Discard what is queued: a plain close would wait for a drain that never comes.
    socket.conn.close(true);
    return true;
  }

  /** Records that `topics` were taken off the socket; starts watching it drain. */
  markDropped(socketId: string, topics: readonly LiveTopic[]): void {
    if (topics.length === 0) return;
    let set = this.dropped.get(socketId);
    if (!set) this.dropped.set(socketId, (set = new Set()));
    for (const t of topics)
      if (!set.has(t)) {
        set.add(t);
        this.droppedCount++;
      }
    if (!this.timer) {
      this.timer = setInterval(() => this.checkResume(), this.opts.resumeCheckMs ?? 100);
      this.timer.unref();
    }
  }

  /** Topics of the socket currently dropped. */
  droppedTopics(socketId: string): LiveTopic[] {
    return [...(this.dropped.get(socketId) ?? [])];
  }

  /** Forgets drops the client resolved itself (re-subscribed) or that no longer matter. */
  clear(socketId: string, topics?: readonly LiveTopic[]): void {
    const set = this.dropped.get(socketId);
    if (!set) return;
    if (topics) for (const t of topics) set.delete(t);
    if (!topics || set.size === 0) this.dropped.delete(socketId);
    this.stopIfIdle();
  }

  close(): void {
    this.dropped.clear();
    this.stopIfIdle();
  }

  private checkResume(): void {
    for (const [id, topics] of this.dropped) {
      const socket = this.opts.lookup(id);
      if (!socket || !socket.connected) {
        this.dropped.delete(id);
        continue;
      }
      if (bufferedPackets(socket) > 0 || bufferedBytes(socket) > this.opts.maxBufferedBytes / 4) continue;
      this.dropped.delete(id);
      this.resyncCount++;
      this.opts.onResume(id, [...topics]);
    }
    this.stopIfIdle();
  }

  private stopIfIdle(): void {
    if (this.dropped.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
