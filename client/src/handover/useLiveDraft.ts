import { onUnmounted, watch } from 'vue';
import { useAlertsStore, useDispatchStore, useGridStore, usePlansStore } from '../stores/streams.js';

/** How long the streams must be quiet before the draft is drawn again (a burst of deltas is one redraw). */
const SETTLE_MS = 1500;
/** Redrawn at least this often: waiting times and overdue steps move with the clock alone. */
const EVERY_MS = 60_000;

/**
 * Keeps the handover draft live: calls `redraw` once the streams a report reads (alerts, cases,
 * plans, dispatch) have spoken and settled, and every minute; stops on unmount.
 */
export function useLiveDraft(redraw: () => void): void {
  const stores = [useAlertsStore(), useGridStore(), usePlansStore(), useDispatchStore()];
  let pending: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(pending);
    pending = setTimeout(redraw, SETTLE_MS);
  };
  const stop = watch(() => stores.map((s) => s.lastHeard), soon, { deep: true });
  const every = setInterval(redraw, EVERY_MS);
  onUnmounted(() => {
    stop();
    clearTimeout(pending);
    clearInterval(every);
  });
}
