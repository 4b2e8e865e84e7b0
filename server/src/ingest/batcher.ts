/** Options of `createBatcher`. */
export interface BatcherOptions<T> {
  /** Flush as soon as this many items wait. */
  maxItems: number;
  /** Flush at the latest this long after the first item of a batch arrived. */
  maxWaitMs: number;
  /** Stores one batch; batches are flushed one at a time, in arrival order. */
  flush(batch: T[]): Promise<void>;
  /** Called when `flush` throws (it should not: it owns its error handling). */
  onError?(err: unknown, batch: T[]): void;
}

export interface Batcher<T> {
  add(item: T): void;
  /** Items waiting, not yet handed to `flush`. */
  readonly pending: number;
  /**
   * Resolves at once while fewer than `maxItems` are waiting or being stored, else when
   * what is being stored is done: the caller's backpressure.
   */
  room(): Promise<void>;
  /** Flushes everything waiting and resolves when every batch so far is stored. */
  drain(): Promise<void>;
}

/**
 * Collects items into batches by size or age and flushes them strictly one after another,
 * so storage sees one transaction per batch and never two concurrent ones from here.
 */
export function createBatcher<T>(opts: BatcherOptions<T>): Batcher<T> {
  let buffer: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let inFlight = 0;

  function cut(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (buffer.length === 0) return chain;
    const batch = buffer;
    buffer = [];
    inFlight += batch.length;
    chain = chain
      .then(() => opts.flush(batch))
      .catch((err) => opts.onError?.(err, batch))
      .finally(() => {
        inFlight -= batch.length;
      });
    return chain;
  }

  return {
    add(item) {
      buffer.push(item);
      if (buffer.length >= opts.maxItems) void cut();
      else if (!timer) timer = setTimeout(() => void cut(), opts.maxWaitMs);
    },
    get pending() {
      return buffer.length;
    },
    room() {
      return buffer.length + inFlight >= opts.maxItems ? chain : Promise.resolve();
    },
    async drain() {
      while (buffer.length > 0) await cut();
      await chain;
    },
  };
}
