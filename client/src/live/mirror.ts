import { packItems, type PackedItems } from '../../../shared/contracts/packed.js';
import type { TopicPatch } from './protocol.js';

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
 * a status reach the page as a thousand (id, status, updatedAt) rows, the status sent once,
 * instead of a thousand whole cases.
 */
export class Mirror<T extends { id: string }> {
  private readonly items = new Map<string, Fields>();

  /** Forgets every item (the page's store is reset by a snapshot). */
  reset(items: readonly T[]): void {
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
      if (keys) changed.set(item.id, keys);
    }
    const parts = [...changed].map(([id, keys]) => {
      const known = this.items.get(id)!;
      const part: Fields = { id };
      for (const k of keys) part[k] = known[k];
      return part;
    });
    return { added: [...added.values()] as unknown as T[], changed: packGroups(parts) };
  }
}

/** Packs items in groups of the same keys (normally one group). */
function packGroups(items: readonly Fields[]): PackedItems[] {
  const groups = new Map<string, Fields[]>();
  for (const item of items) {
    const signature = Object.keys(item).join('\u0000');
    const group = groups.get(signature);
    if (group) group.push(item);
    else groups.set(signature, [item]);
  }
  return [...groups.values()].map((group) => {
    const packed = packItems(group);
    // Only a `__proto__` field stops items of one key set from packing; the server's schemas strip unknown fields.
    if (!packed) throw new Error('live worker: an item with a __proto__ field cannot be patched');
    return packed;
  });
}
