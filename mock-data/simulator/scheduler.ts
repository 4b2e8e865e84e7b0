import type { Outbound } from './messages.js';

interface Entry {
  at: number;
  seq: number;
  message: Outbound;
}

/**
 * Messages due at future simulated instants (the later steps of a case, an alert's
 * update), popped in time order. Ties keep insertion order, so the output is a pure
 * function of what was scheduled.
 */
export class Scheduler {
  private readonly heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Queues a message for its `at` instant. */
  schedule(message: Outbound): void {
    this.heap.push({ at: message.at, seq: this.seq++, message });
    this.up(this.heap.length - 1);
  }

  /** Removes and returns, in order, every message due strictly before `before`. */
  popBefore(before: number): Outbound[] {
    const out: Outbound[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at < before) {
      const top = this.heap[0]!;
      const last = this.heap.pop()!;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.down(0);
      }
      out.push(top.message);
    }
    return out;
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const tmp = this.heap[i]!;
    this.heap[i] = this.heap[j]!;
    this.heap[j] = tmp;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.heap.length && this.less(l, best)) best = l;
      if (r < this.heap.length && this.less(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }
}
