import { onBeforeUnmount, onMounted } from 'vue';

/** What the queue's keys do (docs/ARCHITECTURE.md → The duty officer's desk, and the page's keyboard help). */
export interface QueueKeyHandlers {
  move(delta: 1 | -1): void;
  open(): void;
  close(): void;
  toggle(): void;
  search(): void;
  help(): void;
}

const FIELD = 'input, textarea, select, [contenteditable="true"]';

/**
 * The queue's keyboard: j/k or ↓/↑ move, Enter opens, x selects, / searches, Esc closes the
 * drawer (in a form field it only leaves the field), ? shows the help. Keys typed into a field,
 * with a modifier, or inside an element marked `data-own-keys` (the alert inbox has its own)
 * are left alone.
 */
export function useQueueKeys(h: QueueKeyHandlers): void {
  function onKey(e: KeyboardEvent) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('[data-own-keys]')) return;
    if (target?.closest(FIELD)) {
      if (e.key === 'Escape') (target as HTMLElement).blur();
      return;
    }
    const act: Record<string, () => void> = {
      j: () => h.move(1),
      ArrowDown: () => h.move(1),
      k: () => h.move(-1),
      ArrowUp: () => h.move(-1),
      Enter: h.open,
      Escape: h.close,
      x: h.toggle,
      '/': h.search,
      '?': h.help,
    };
    const run = act[e.key];
    // Enter on a focused button or link is that control's own click.
    if (!run || (e.key === 'Enter' && target?.closest('button, a'))) return;
    e.preventDefault();
    run();
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
