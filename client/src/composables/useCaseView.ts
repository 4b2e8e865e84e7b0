import { onBeforeUnmount, watch } from 'vue';
import type { ViewData, ViewKind, ViewSpec } from '../live/protocol.js';
import { useLiveSource, type ViewHandle } from '../services/live-source.js';

/**
 * Watches a view of the cases in the live worker for as long as the component lives: `spec`
 * is reactive (a new mode or seed watches again; null stops watching until there is a spec),
 * and `onData` gets what the worker posts. The view is watched through the page's live source
 * ({@link useLiveSource}): call it in a component's setup.
 */
export function useCaseView<K extends ViewKind>(spec: () => Extract<ViewSpec, { kind: K }> | null, onData: (data: ViewData[K]) => void): void {
  const source = useLiveSource();
  let handle: ViewHandle<K> | null = null;
  function follow(s: Extract<ViewSpec, { kind: K }> | null) {
    if (!s) {
      handle?.stop();
      handle = null;
    } else if (handle) handle.update(s);
    else handle = source.watch(s, onData);
  }
  watch(spec, follow, { immediate: true });
  onBeforeUnmount(() => handle?.stop());
}
