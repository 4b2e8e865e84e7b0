import { onBeforeUnmount } from 'vue';

/** Aggregates are recomputed at most this often, however fast the stream. */
export const RECOMPUTE_MS = 1000;

/** A function that runs at most once per interval. */
export interface Throttled {
  /** Asks for a run: at once when the last was long enough ago, else once at the end of the interval. */
  schedule(): void;
  cancel(): void;
}

/**
 * Throttles `fn` to one run per `ms`: the first request runs immediately, requests within
 * the interval collapse into a single trailing run, so the last change is never lost.
 */
export function createThrottle(fn: () => void, ms = RECOMPUTE_MS): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    last = Date.now();
    fn();
  };
  return {
    schedule() {
      if (timer !== undefined) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** {@link createThrottle} bound to the component: a pending run is dropped on unmount. */
export function useThrottle(fn: () => void, ms = RECOMPUTE_MS): Throttled {
  const t = createThrottle(fn, ms);
  onBeforeUnmount(() => t.cancel());
  return t;
}

/** Runs `fn` every `ms` while the component lives (e.g. to age out old readings). */
export function useEvery(ms: number, fn: () => void): void {
  const timer = setInterval(fn, ms);
  onBeforeUnmount(() => clearInterval(timer));
}
