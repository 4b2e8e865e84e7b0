/**
 * The `packed` wire encoding of a delta's items: column-wise, each key named once, and the
 * strings that repeat (status, category, district, titles…) sent once in a dictionary and
 * referred to by index. A thousand case updates shrink to about half, and the rows carry no
 * CJK text, which a browser decodes much faster. Lossless: `unpackItems(packItems(x))` deep-
 * equals `x` (as JSON sends it) whenever `packItems` packs at all.
 */
export interface PackedItems {
  /** Column names, in the order of each row's values. */
  keys: string[];
  /** Indices of the columns whose non-null values are indices into `dict`. */
  coded: number[];
  /** Strings referred to by the coded columns. */
  dict: string[];
  /** One array of values per item. */
  rows: unknown[][];
}

import type { LiveDelta, LiveTopic, PackedLiveDelta, TopicItems } from './live.js';

type Item = Record<string, unknown>;

/** The keys an item sends: JSON drops keys whose value is undefined, so they do not count. */
const sentKeys = (item: object) => Object.keys(item).filter((k) => (item as Item)[k] !== undefined);

/** A string column is dictionary-coded when its values repeat at least this often on average. */
const MIN_REPEAT = 2;

/**
 * Packs `items` column-wise, or returns null when they do not all have the same keys in the
 * same order (a missing key cannot be told from a null one in a row), or have a `__proto__`
 * key (an object literal cannot take it back); such a delta is sent as plain items.
 */
export function packItems(items: readonly object[]): PackedItems | null {
  const first = items[0] as Item | undefined;
  if (!first) return null;
  const keys = sentKeys(first);
  if (keys.includes('__proto__')) return null;
  for (const item of items) {
    const own = sentKeys(item);
    if (own.length !== keys.length || own.some((k, i) => k !== keys[i])) return null;
  }
  const dict: string[] = [];
  const index = new Map<string, number>();
  const coded: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    const values = new Set<string>();
    let strings = 0;
    let onlyStrings = true;
    for (const item of items) {
      const v = (item as Item)[keys[k]!];
      if (v === null) continue;
      if (typeof v !== 'string') {
        onlyStrings = false;
        break;
      }
      strings++;
      values.add(v);
    }
    if (!onlyStrings || strings === 0 || strings < values.size * MIN_REPEAT) continue;
    coded.push(k);
    for (const v of values) if (!index.has(v)) index.set(v, dict.push(v) - 1);
  }
  const isCoded = keys.map((_, k) => coded.includes(k));
  const rows = items.map((item) =>
    keys.map((key, k) => {
      const v = (item as Item)[key];
      return isCoded[k] && v !== null ? index.get(v as string)! : v;
    }),
  );
  return { keys, coded, dict, rows };
}

/** Reads the rows of a {@link PackedItems}: single values, or whole items. */
export class PackedReader {
  readonly keys: readonly string[];
  private readonly isCoded: boolean[];

  constructor(private readonly p: PackedItems) {
    this.keys = p.keys;
    this.isCoded = p.keys.map((_, k) => p.coded.includes(k));
  }

  get rows(): readonly unknown[][] {
    return this.p.rows;
  }

  /** Column `k` of `row`, dictionary strings resolved. */
  value(row: readonly unknown[], k: number): unknown {
    const v = row[k];
    return this.isCoded[k] && v !== null ? this.p.dict[v as number] : v;
  }

  /** `row` as an item, with the keys in the original order. */
  item<T>(row: readonly unknown[]): T {
    const item: Item = {};
    for (let k = 0; k < this.keys.length; k++) item[this.keys[k]!] = this.value(row, k);
    return item as T;
  }
}

/** The items a {@link PackedItems} was made from, each with its keys in the original order. */
export function unpackItems<T>(p: PackedItems): T[] {
  const reader = new PackedReader(p);
  return p.rows.map((row) => reader.item<T>(row));
}

/**
 * The items of a live delta in either encoding. It lives here, not in live.ts, so a client
 * (the page's live worker) can decode deltas without bundling live.ts's zod schemas.
 */
export function deltaItems<T extends LiveTopic>(delta: LiveDelta<T> | PackedLiveDelta<T>): TopicItems[T][] {
  return 'packed' in delta ? unpackItems<TopicItems[T]>(delta.packed) : delta.items;
}
