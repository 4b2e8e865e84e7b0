import type { TopicChange } from '../../stores/topic-store.js';

/**
 * Collects the keys of changed items and hands them to `flush` in an animation frame, so a
 * burst of deltas costs one map update and an item that changed ten times costs one diff. A
 * reset (snapshot) supersedes whatever was pending.
 *
 * With `minIntervalMs`, flushes are at least that far apart: the first change after a quiet
 * spell still goes out in the next frame, later ones wait and go out together. Each map update
 * makes MapLibre re-tile the source in its worker and repaint several times as tiles return,
 * so a busy stream (a thousand cases a second arriving in twenty deltas) must not cost twenty.
 */
export function createFrameBatch<T>(keyOf: (item: T) => string, flush: (keys: ReadonlySet<string> | 'reset') => void, opts: { minIntervalMs?: number } = {}) {
  const minInterval = opts.minIntervalMs ?? 0;
  let pending = new Set<string>();
  let reset = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;

  const run = () => {
    frame = 0;
    last = Date.now();
    const keys = pending;
    const wasReset = reset;
    pending = new Set();
    reset = false;
    flush(wasReset ? 'reset' : keys);
  };
  const schedule = () => {
    if (frame || timer) return;
    const wait = last + minInterval - Date.now();
    if (wait <= 0) frame = requestAnimationFrame(run);
    else
      timer = setTimeout(() => {
        timer = null;
        frame = requestAnimationFrame(run);
      }, wait);
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
      if (timer) clearTimeout(timer);
      frame = 0;
      timer = null;
      pending.clear();
      reset = false;
    },
  };
}
