import { describe, expect, it } from 'vitest';
import { GroupCounter } from '../../../../client/src/model/aggregates/group-counter.js';

type Item = { id: string; group: string | null };

describe('GroupCounter: counts by group from the items that changed', () => {
  it('moves an item between groups on update and drops it when it leaves every group', () => {
    const c = new GroupCounter<Item>((i) => i.group);
    c.apply({
      reset: true,
      items: [
        { id: '1', group: 'a' },
        { id: '2', group: 'a' },
        { id: '3', group: 'b' },
      ],
    });
    expect(c.top()).toEqual([
      { group: 'a', count: 2 },
      { group: 'b', count: 1 },
    ]);
    c.apply({
      reset: false,
      items: [
        { id: '1', group: 'b' },
        { id: '2', group: 'a' },
      ],
    });
    expect(c.top()).toEqual([
      { group: 'b', count: 2 },
      { group: 'a', count: 1 },
    ]);
    c.apply({ reset: false, items: [{ id: '2', group: null }] });
    expect(c.top()).toEqual([{ group: 'b', count: 2 }]);
    expect(c.total).toBe(2);
  });

  it('starts over on a reset', () => {
    const c = new GroupCounter<Item>((i) => i.group);
    c.apply({ reset: false, items: [{ id: '1', group: 'a' }] });
    c.apply({ reset: true, items: [{ id: '9', group: 'z' }] });
    expect(c.top()).toEqual([{ group: 'z', count: 1 }]);
  });

  it('ranks ties by key and cuts at the limit', () => {
    const c = new GroupCounter<Item>((i) => i.group);
    c.apply({ reset: true, items: ['c', 'a', 'b', 'b'].map((g, i) => ({ id: String(i), group: g })) });
    expect(c.top(2)).toEqual([
      { group: 'b', count: 2 },
      { group: 'a', count: 1 },
    ]);
  });
});
