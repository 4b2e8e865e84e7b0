import type { PatchGroup, TopicPatch } from './protocol.js';

type Fields = Record<string, unknown>;

/** Equal values, looking one level into plain objects (a case's `{lon, lat}`). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  for (const k in a) if ((a as Fields)[k] !== (b as Fields)[k]) return false;
  for (const k in b) if (!(k in a)) return false;
  return true;
}

/**
 * The worker's copy of a patched topic's items (by `id`), kept equal to the page's store, so
 * each delta can be turned into a {@link TopicPatch}: a thousand case updates that each change
 * a status reach the page as a thousand (id, status, updatedAt) rows instead of a thousand
 * whole cases.
 */
export class Mirror<T extends { id: string }> {
  private readonly items = new Map<string, Fields>();

  /** Forgets every item (the page's store is reset by a snapshot). */
  reset(items: readonly T[] = []): void {
    this.items.clear();
    for (const item of items) this.items.set(item.id, { ...item });
  }

  /**
   * What `items` change, recorded in the copy. A case sent twice in one delta gives one row
   * with its final values, so the page cannot apply the two out of order.
   */
  diff(items: readonly T[]): TopicPatch<T> {
    const added = new Map<string, Fields>();
    const changed = new Map<string, Set<string>>();
    for (const item of items) {
      const next = item as unknown as Fields;
      const known = this.items.get(item.id);
      if (!known) {
        const copy = { ...next };
        this.items.set(item.id, copy);
        added.set(item.id, copy);
        continue;
      }
      // A case added earlier in this delta goes out whole, with its final values.
      const keys = added.has(item.id) ? null : (changed.get(item.id) ?? new Set<string>());
      for (const k in next) {
        if (same(known[k], next[k])) continue;
        known[k] = next[k];
        keys?.add(k);
      }
      // A field the item no longer has (JSON drops undefined ones) is patched to undefined.
      for (const k in known) {
        if (k in next) continue;
        delete known[k];
        keys?.add(k);
      }
      if (keys) changed.set(item.id, keys);
    }
    const groups = new Map<string, PatchGroup>();
    for (const [id, keys] of changed) {
      const known = this.items.get(id)!;
      const names = ['id', ...keys];
      const signature = names.join('\u0000');
      let group = groups.get(signature);
      if (!group) groups.set(signature, (group = { keys: names, rows: [] }));
      group.rows.push(names.map((k) => known[k]));
    }
    return { added: [...added.values()] as unknown as T[], changed: [...groups.values()] };
  }
}
