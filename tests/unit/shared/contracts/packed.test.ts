import { describe, expect, it } from 'vitest';
import { packItems, PackedReader, unpackItems, type PackedItems } from '../../../../shared/contracts/packed.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';

const T = '2026-07-01T08:00:00+08:00';
const CATEGORIES = ['道路破损', '占道经营', '垃圾堆放', '井盖缺失'];

/** A grid case the way the `grid` topic carries it: nulls, a nested location, CJK text, flags. */
function gridCase(i: number, over: Partial<GridCase> = {}): GridCase {
  const category = CATEGORIES[i % CATEGORIES.length]!;
  return {
    id: `case-${i}`,
    sourceId: `src-${i}`,
    source: 'inspector',
    category,
    kind: 'facility',
    title: `${category}（江城区）`,
    description: i % 2 ? null : `第${i}号案件`,
    location: { lon: 111.98 + i / 1e4, lat: 21.86 },
    address: null,
    district: i % 2 ? '441702' : '441704',
    gridCell: null,
    status: 'registered',
    department: i % 3 ? null : '城管局',
    reportedAt: T,
    dispatchedAt: null,
    deadlineAt: null,
    closedAt: null,
    overdue: i % 3 === 0,
    escalated: false,
    exercise: i % 5 === 0,
    updatedAt: T,
    version: 1,
    assignee: null,
    supervised: null,
    mergedInto: null,
    closeReason: null,
    ...over,
  };
}

const cases = (n: number) => Array.from({ length: n }, (_, i) => gridCase(i));
/** What the items look like after a trip over the wire. */
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const col = (p: PackedItems, key: string) => p.keys.indexOf(key);

describe('packItems / unpackItems', () => {
  it('round-trips realistic cases, also through JSON', () => {
    const items = cases(40);
    const packed = packItems(items)!;
    expect(packed).not.toBeNull();
    expect(unpackItems(packed)).toEqual(items);
    expect(unpackItems(wire(packed))).toEqual(items);
    // Not only equal by toEqual's lenient rules: the same JSON, byte for byte.
    expect(JSON.stringify(unpackItems(wire(packed)))).toBe(JSON.stringify(items));
  });

  it('round-trips numbers, booleans, zero, empty strings and arrays untouched', () => {
    const items = [
      { id: 'a', n: 0, f: 1.5, ok: false, s: '', list: [1, 'x'], nested: { a: { b: null } } },
      { id: 'b', n: -3, f: 2e-9, ok: true, s: '', list: [], nested: { a: { b: 1 } } },
    ];
    expect(unpackItems(wire(packItems(items)!))).toEqual(items);
  });

  it('keeps the key order of the items', () => {
    const items = cases(6);
    const packed = packItems(items)!;
    expect(packed.keys).toEqual(Object.keys(items[0]!));
    for (const item of unpackItems<GridCase>(wire(packed))) expect(Object.keys(item)).toEqual(Object.keys(items[0]!));
  });

  it('does not pack items whose keys come in different orders (one key order per packet)', () => {
    expect(
      packItems([
        { a: 1, b: 2 },
        { b: 3, a: 4 },
      ]),
    ).toBeNull();
  });

  it('dictionary-codes repeating strings but not unique ones such as ids', () => {
    const items = cases(40);
    const packed = packItems(items)!;
    const coded = packed.coded.map((k) => packed.keys[k]);
    expect(coded).toEqual(expect.arrayContaining(['source', 'category', 'kind', 'title', 'district', 'status']));
    expect(coded).not.toContain('id');
    expect(coded).not.toContain('sourceId');
    // Non-string columns are never coded.
    for (const key of ['location', 'overdue', 'exercise']) expect(coded).not.toContain(key);
    // Each distinct string is in the dictionary once, and coded cells are its index.
    expect(new Set(packed.dict).size).toBe(packed.dict.length);
    expect(packed.dict).toEqual(expect.arrayContaining([...CATEGORIES, 'inspector', '441702', '441704']));
    const category = col(packed, 'category');
    packed.rows.forEach((row, i) => {
      expect(typeof row[category]).toBe('number');
      expect(packed.dict[row[category] as number]).toBe(items[i]!.category);
      expect(row[col(packed, 'id')]).toBe(items[i]!.id);
    });
  });

  it('codes a column from an average of two uses per string, not below', () => {
    const twice = packItems([{ s: 'x' }, { s: 'x' }, { s: 'y' }, { s: 'y' }])!;
    expect(twice.coded).toEqual([0]);
    expect(twice.rows).toEqual([[0], [0], [1], [1]]);
    const lessThanTwice = packItems([{ s: 'x' }, { s: 'x' }, { s: 'y' }])!;
    expect(lessThanTwice.coded).toEqual([]);
    expect(lessThanTwice.dict).toEqual([]);
    expect(lessThanTwice.rows).toEqual([['x'], ['x'], ['y']]);
  });

  it('leaves nulls of a coded column null, and never codes an all-null or mixed column', () => {
    const items = [
      { dept: '城管局', none: null, mixed: 'a' },
      { dept: null, none: null, mixed: 1 },
      { dept: '城管局', none: null, mixed: 'a' },
    ];
    const packed = packItems(items)!;
    expect(packed.coded).toEqual([0]);
    expect(packed.rows.map((r) => r[0])).toEqual([0, null, 0]);
    expect(packed.rows.map((r) => r[2])).toEqual(['a', 1, 'a']);
    expect(unpackItems(wire(packed))).toEqual(items);
  });

  it('shares one dictionary entry between columns that repeat the same string', () => {
    const items = [
      { status: '处理中', previous: '处理中' },
      { status: '处理中', previous: '已派遣' },
      { status: '已派遣', previous: '处理中' },
      { status: '已派遣', previous: '已派遣' },
    ];
    const packed = packItems(items)!;
    expect(packed.coded).toEqual([0, 1]);
    expect([...packed.dict].sort()).toEqual(['处理中', '已派遣'].sort());
    expect(unpackItems(packed)).toEqual(items);
  });

  it('sends rows without non-ASCII text when the CJK strings repeat', () => {
    // Every CJK value repeats; the unique values (ids, coordinates) are ASCII.
    const items = Array.from({ length: 30 }, (_, i) => gridCase(i, { description: null, department: i % 2 ? '城管局' : '住建局', title: CATEGORIES[i % 3]! }));
    expect(JSON.stringify(items)).toMatch(/[^\x00-\x7f]/);
    const packed = packItems(items)!;
    expect(JSON.stringify(packed.rows)).toMatch(/^[\x00-\x7f]*$/);
    expect(packed.dict).toEqual(expect.arrayContaining(['城管局', '住建局', ...CATEGORIES.slice(0, 3)]));
    expect(unpackItems(wire(packed))).toEqual(items);
  });

  it('refuses items that do not share one set of keys', () => {
    expect(packItems([{ a: 1, b: 2 }, { a: 1 }])).toBeNull();
    expect(packItems([{ a: 1 }, { a: 1, b: 2 }])).toBeNull();
    expect(
      packItems([
        { a: 1, b: 2 },
        { a: 1, c: 2 },
      ]),
    ).toBeNull();
    expect(packItems([gridCase(1), { ...gridCase(2), extra: 'x' }])).toBeNull();
  });

  it('refuses items with a __proto__ key (an unpacked object could not take it back), so they go plain', () => {
    const items = JSON.parse('[{"__proto__": 1, "a": 2}]') as object[];
    expect(Object.keys(items[0]!)).toEqual(['__proto__', 'a']);
    expect(packItems(items)).toBeNull();
  });

  it('ignores keys whose value is undefined, as JSON does', () => {
    const items = [
      { a: 1, b: undefined, c: 'x' },
      { a: 2, c: 'y' },
      { a: 3, b: undefined, c: 'z' },
    ];
    const packed = packItems(items)!;
    expect(packed).not.toBeNull();
    expect(packed.keys).toEqual(['a', 'c']);
    const back = unpackItems<object>(wire(packed));
    expect(back).toEqual(wire(items));
    for (const item of back) expect(Object.keys(item)).toEqual(['a', 'c']);
    // A key sent by one item and undefined in another is a different key set.
    expect(
      packItems([
        { a: 1, b: undefined },
        { a: 2, b: 3 },
      ]),
    ).toBeNull();
    expect(
      packItems([
        { a: 1, b: 3 },
        { a: 2, b: undefined },
      ]),
    ).toBeNull();
  });

  it('returns null for no items', () => {
    expect(packItems([])).toBeNull();
  });

  it('is much smaller than plain JSON for a thousand repetitive cases', () => {
    const items = cases(1000);
    const plain = Buffer.byteLength(JSON.stringify(items));
    const packed = Buffer.byteLength(JSON.stringify(packItems(items)));
    expect(packed).toBeLessThan(plain * 0.6);
  });
});

describe('PackedReader', () => {
  it('reads single values with dictionary strings resolved, and whole items', () => {
    const items = cases(8);
    const packed = wire(packItems(items)!);
    const reader = new PackedReader(packed);
    expect(reader.keys).toEqual(packed.keys);
    expect(reader.rows).toBe(packed.rows);
    const [category, dept, id] = [col(packed, 'category'), col(packed, 'department'), col(packed, 'id')];
    expect(packed.coded).toContain(category);
    reader.rows.forEach((row, i) => {
      expect(reader.value(row, category)).toBe(items[i]!.category);
      expect(reader.value(row, dept)).toBe(items[i]!.department);
      expect(reader.value(row, id)).toBe(items[i]!.id);
      expect(reader.item(row)).toEqual(items[i]);
    });
  });
});
