/** What the inbox keys act on. */
export interface InboxKeyActions {
  /** Ids of the rows in the order they are shown. */
  rows(): readonly string[];
  selected(): string | null;
  select(id: string): void;
  open(id: string): void;
  acknowledge(id: string): void;
}

const MOVES: Record<string, 1 | -1> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };

/**
 * The inbox's keyboard map (while the inbox has focus): ↑/↓ or j/k move the selection,
 * Enter opens the selected alert, `a` acknowledges it. Keys typed into a field (the search
 * box, a dialog) or with a modifier are left alone. True when the key was handled.
 */
export function handleInboxKey(e: Pick<KeyboardEvent, 'key' | 'target' | 'altKey' | 'ctrlKey' | 'metaKey'>, act: InboxKeyActions): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey) return false;
  if (e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable="true"]')) return false;
  const rows = act.rows();
  const current = act.selected();
  const move = MOVES[e.key];
  if (move !== undefined) {
    if (rows.length === 0) return true;
    const i = current === null ? -1 : rows.indexOf(current);
    const next = i === -1 ? (move === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, i + move));
    act.select(rows[next]!);
    return true;
  }
  if (current === null || !rows.includes(current)) return false;
  if (e.key === 'Enter') act.open(current);
  else if (e.key === 'a') act.acknowledge(current);
  else return false;
  return true;
}
