import type { TopicChange } from '../../stores/topic-store.js';

/**
 * Collects the keys of changed items and hands them to `flush` in an animation frame, so a
 * burst of deltas costs one map update and an item that changed ten times costs one diff. A
 * reset (snapshot) supersedes whatever was pending.
 */
export function createFrameBatch<T>(keyOf: (item: T) => string, flush: (keys: ReadonlySet<string> | 'reset') => void) {
  let pending = new Set<string>();
  let reset = false;
  let frame = 0;

  const run = () => {
    frame = 0;
    const keys = pending;
    const wasReset = reset;
    pending = new Set();
    reset = false;
    flush(wasReset ? 'reset' : keys);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(run);
  };

  return {
    push(change: TopicChange<T>): void {
      if (change.reset) {
        reset = true;
        pending.clear();
      } else if (!reset) {
        for (const item of change.items) pending.add(keyOf(item));
      }
      if (reset || pending.size > 0) schedule();
    },
    /** Drops pending work (layer disposed). */
    cancel(): void {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      pending.clear();
      reset = false;
    },
  };
}
