/**
 * Keys for the virtual list's row elements, recycled: what a slot shows (a case id, or a
 * placeholder's token) keeps its key while it stays on screen, so a case moving up or down
 * moves its row; what comes on screen takes a key something leaving freed, so its row is the
 * leaving one's element and component patched with new props, not one unmounted and another
 * mounted. A filter or sort change that replaces every row therefore patches about 28 rows
 * instead of mounting them. Keys are small integers, never more than the slots at once.
 */
export function recycleKeys(before: ReadonlyMap<string, number>, shown: readonly string[]): Map<string, number> {
  const next = new Map<string, number>();
  for (const s of shown) {
    const k = before.get(s);
    if (k !== undefined && !next.has(s)) next.set(s, k);
  }
  const used = new Set(next.values());
  const freed = [...before.values()].filter((k) => !used.has(k)).sort((a, b) => a - b);
  let fresh = 0;
  for (const s of shown) {
    if (next.has(s)) continue;
    let k = freed.shift();
    if (k === undefined) {
      while (used.has(fresh)) fresh++;
      k = fresh;
    }
    used.add(k);
    next.set(s, k);
  }
  return next;
}
