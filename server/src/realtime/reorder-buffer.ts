import type { LiveDelta, LiveTopic } from '../../../shared/contracts/live.js';

/** What the reorder buffer needs from its owner. */
export interface ReorderBufferOptions {
  /** Called once per seq, in seq order, per topic. */
  deliver(delta: LiveDelta): void;
  /** Reads committed deltas `afterSeq < seq <= toSeq` (the durable log) to fill a gap. */
  fetchRange(topic: LiveTopic, afterSeq: number, toSeq: number): Promise<LiveDelta[]>;
  /** Called when seqs `from..to` could not be found anywhere and were skipped. */
  onSkip(topic: LiveTopic, from: number, to: number): void;
  /** How long a gap may stay open before it is filled from the log (default 1000 ms). */
  gapTimeoutMs?: number;
  /** Buffered deltas per topic beyond which the gap is filled at once (default 1000). */
  maxPending?: number;
  log?: { warn(obj: unknown, msg?: string): void };
}

interface TopicState {
  last: number;
  pending: Map<number, LiveDelta>;
  timer: NodeJS.Timeout | null;
  filling: boolean;
}

/**
 * Puts deltas from several nodes back into seq order. Deltas of other nodes arrive through
 * Redis and may overtake or lose each other; a gap that stays open is read from the log.
 */
export class ReorderBuffer {
  private readonly topics = new Map<LiveTopic, TopicState>();
  private readonly gapTimeoutMs: number;
  private readonly maxPending: number;
  private closed = false;

  constructor(private readonly opts: ReorderBufferOptions) {
    this.gapTimeoutMs = opts.gapTimeoutMs ?? 1000;
    this.maxPending = opts.maxPending ?? 1000;
  }

  /** Sets the last seq already accounted for (the head of the log at start-up). */
  init(topic: LiveTopic, lastSeq: number): void {
    const state = this.state(topic);
    state.last = Math.max(state.last, lastSeq);
  }

  /** The last seq delivered for `topic`. */
  lastDelivered(topic: LiveTopic): number {
    return this.state(topic).last;
  }

  /** Number of deltas waiting for an earlier seq. */
  pendingCount(): number {
    let n = 0;
    for (const s of this.topics.values()) n += s.pending.size;
    return n;
  }

  push(delta: LiveDelta): void {
    if (this.closed) return;
    const state = this.state(delta.topic);
    if (delta.seq <= state.last || state.pending.has(delta.seq)) return;
    state.pending.set(delta.seq, delta);
    this.drain(delta.topic, state);
    if (state.pending.size === 0) return;
    if (state.pending.size >= this.maxPending) void this.fill(delta.topic, state);
    else if (!state.timer && !state.filling) {
      state.timer = setTimeout(() => void this.fill(delta.topic, state), this.gapTimeoutMs);
      state.timer.unref();
    }
  }

  close(): void {
    this.closed = true;
    for (const s of this.topics.values()) if (s.timer) clearTimeout(s.timer);
  }

  private state(topic: LiveTopic): TopicState {
    let s = this.topics.get(topic);
    if (!s) this.topics.set(topic, (s = { last: 0, pending: new Map(), timer: null, filling: false }));
    return s;
  }

  private drain(topic: LiveTopic, state: TopicState): void {
    for (let next = state.pending.get(state.last + 1); next; next = state.pending.get(state.last + 1)) {
      state.pending.delete(next.seq);
      state.last = next.seq;
      this.opts.deliver(next);
    }
    if (state.pending.size === 0 && state.timer) {
      clearTimeout(state.timer);
      state.timer = null;
    }
  }

  private async fill(topic: LiveTopic, state: TopicState): Promise<void> {
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    if (this.closed || state.filling || state.pending.size === 0) return;
    state.filling = true;
    const upTo = Math.min(...state.pending.keys()) - 1;
    try {
      const found = await this.opts.fetchRange(topic, state.last, upTo);
      for (const d of found) if (d.seq > state.last && !state.pending.has(d.seq)) state.pending.set(d.seq, d);
    } catch (err) {
      this.opts.log?.warn({ err, topic }, 'live: could not read missing deltas from the log');
    } finally {
      state.filling = false;
    }
    if (this.closed) return;
    this.drain(topic, state);
    if (state.pending.size === 0) return;
    const first = Math.min(...state.pending.keys());
    if (first - 1 >= state.last + 1 && first - 1 <= upTo) {
      // Nowhere to be found (pruned or never committed): skip so later deltas still flow.
      this.opts.onSkip(topic, state.last + 1, first - 1);
      state.last = first - 1;
      this.drain(topic, state);
    }
    if (state.pending.size > 0 && !state.timer) {
      state.timer = setTimeout(() => void this.fill(topic, state), this.gapTimeoutMs);
      state.timer.unref();
    }
  }
}
