import type { TopicChange } from '../../stores/topic-store.js';

/**
 * Counts items by a group key, updated from exactly the items that changed: each item is
 * remembered with the group it was counted in, so an update moves it between groups (or out,
 * when `groupOf` gives null) instead of recounting everything.
 */
export class GroupCounter<T extends { id: string }> {
  private readonly groupById = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly groupOf: (item: T) => string | null) {}

  /** Applies one change of a partition (a reset starts over). */
  apply(change: TopicChange<T>): void {
    if (change.reset) {
      this.groupById.clear();
      this.counts.clear();
    }
    for (const item of change.items) {
      const before = this.groupById.get(item.id);
      const after = this.groupOf(item) ?? undefined;
      if (before === after) continue;
      if (before !== undefined) this.bump(before, -1);
      if (after !== undefined) {
        this.bump(after, 1);
        this.groupById.set(item.id, after);
      } else this.groupById.delete(item.id);
    }
  }

  /** Stops counting an item (it left the partition). */
  remove(id: string): void {
    const before = this.groupById.get(id);
    if (before === undefined) return;
    this.bump(before, -1);
    this.groupById.delete(id);
  }

  private bump(group: string, by: number): void {
    const n = (this.counts.get(group) ?? 0) + by;
    if (n > 0) this.counts.set(group, n);
    else this.counts.delete(group);
  }

  /** Groups by count, largest first (ties by key, so the order is stable), at most `limit`. */
  top(limit = Infinity): { group: string; count: number }[] {
    return [...this.counts]
      .map(([group, count]) => ({ group, count }))
      .sort((a, b) => b.count - a.count || a.group.localeCompare(b.group))
      .slice(0, limit);
  }

  /** Items counted in all groups. */
  get total(): number {
    return this.groupById.size;
  }
}
