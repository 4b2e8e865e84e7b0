import { describe, expect, it } from 'vitest';
import { encodeDelta, filterItems, itemDistricts, resolveScope, roomName, scopeDelta } from '../../../../server/src/realtime/subscriptions.js';
import type { LiveDelta } from '../../../../shared/contracts/live.js';
import { deltaItems } from '../../../../shared/contracts/packed.js';
import { alert, CITY, gridCase, indicator, JIANGCHENG, kpi, observation, YANGDONG } from '../../../integration/realtime/live-items.js';

describe('itemDistricts', () => {
  it('reads the district field of each topic', () => {
    expect(itemDistricts('grid', gridCase('g', JIANGCHENG))).toEqual([JIANGCHENG]);
    expect(itemDistricts('grid', gridCase('g', null))).toEqual([]);
    expect(itemDistricts('alerts', alert('a', [JIANGCHENG, YANGDONG]))).toEqual([JIANGCHENG, YANGDONG]);
    expect(itemDistricts('env', observation('o', YANGDONG))).toEqual([YANGDONG]);
    expect(itemDistricts('economy', indicator('i', CITY))).toEqual([CITY]);
    expect(itemDistricts('kpi', kpi(JIANGCHENG))).toEqual([JIANGCHENG]);
  });
});

const LEADER = { username: 'l', role: 'leader' as const, districts: null };
const grid = (districts: string[] | null) => ({ username: 'g', role: 'grid' as const, districts });

describe('resolveScope', () => {
  it('leaves an unrestricted user unrestricted unless it narrows', () => {
    expect(resolveScope(LEADER, undefined)).toEqual({ ok: true, scope: null });
    expect(resolveScope(LEADER, [YANGDONG, JIANGCHENG, YANGDONG])).toEqual({ ok: true, scope: [JIANGCHENG, YANGDONG] });
  });

  it('restricts a grid user to its districts, intersecting what it asks for', () => {
    expect(resolveScope(grid([JIANGCHENG]), undefined)).toEqual({ ok: true, scope: [JIANGCHENG] });
    expect(resolveScope(grid([JIANGCHENG]), [JIANGCHENG, YANGDONG])).toEqual({ ok: true, scope: [JIANGCHENG] });
  });

  it('gives a grid user without districts nothing, however its token lists them', () => {
    expect(resolveScope(grid([]), undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(resolveScope(grid(null), undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(resolveScope(grid(null), [JIANGCHENG])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a grid user asking only for foreign districts', () => {
    expect(resolveScope(grid([JIANGCHENG]), [YANGDONG])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(resolveScope(grid([JIANGCHENG]), [CITY])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('filterItems and rooms', () => {
  const kpis = [kpi(JIANGCHENG), kpi(YANGDONG), kpi(CITY)];

  it('gives an unrestricted scope everything, city level included', () => {
    expect(filterItems('kpi', kpis, null)).toBe(kpis);
  });

  it('never gives a restricted scope city-level or foreign items', () => {
    expect(filterItems('kpi', kpis, [JIANGCHENG]).map((k) => k.scope)).toEqual([JIANGCHENG]);
    expect(filterItems('grid', [gridCase('x', null)], [JIANGCHENG])).toEqual([]);
  });

  it('keeps the seq of a scoped delta even when no item remains', () => {
    expect(scopeDelta({ topic: 'env', seq: 7, items: [observation('o', YANGDONG)] }, [JIANGCHENG])).toEqual({ topic: 'env', seq: 7, items: [] });
  });

  it('names one room per topic and distinct scope, independent of order', () => {
    expect(roomName('grid', [JIANGCHENG, YANGDONG])).not.toBe(roomName('grid', [JIANGCHENG]));
    expect(roomName('grid', null)).not.toBe(roomName('env', null));
    const a = resolveScope(LEADER, [YANGDONG, JIANGCHENG]);
    const b = resolveScope(LEADER, [JIANGCHENG, YANGDONG]);
    if (!a.ok || !b.ok) throw new Error('unexpected refusal');
    expect(roomName('grid', a.scope)).toBe(roomName('grid', b.scope));
  });
});

describe('delta encodings', () => {
  it('names the room of the default encoding as before, and a separate room per encoding', () => {
    expect(roomName('grid', null, 'items')).toBe(roomName('grid', null));
    expect(roomName('grid', [JIANGCHENG], 'items')).toBe(roomName('grid', [JIANGCHENG]));
    expect(roomName('grid', null, 'packed')).not.toBe(roomName('grid', null));
    expect(roomName('grid', [JIANGCHENG], 'packed')).not.toBe(roomName('grid', [JIANGCHENG]));
    // Packed rooms are still one per topic and scope.
    expect(roomName('grid', [JIANGCHENG], 'packed')).not.toBe(roomName('grid', [YANGDONG], 'packed'));
    expect(roomName('grid', null, 'packed')).not.toBe(roomName('env', null, 'packed'));
    expect(roomName('grid', [JIANGCHENG, YANGDONG], 'packed')).toBe(roomName('grid', [JIANGCHENG, YANGDONG], 'packed'));
  });

  const delta: LiveDelta<'grid'> = { topic: 'grid', seq: 12, items: [gridCase('a', JIANGCHENG), gridCase('b', YANGDONG, '占道'), gridCase('c', null)] };

  it('passes a delta through unchanged for the items encoding', () => {
    expect(encodeDelta(delta, 'items')).toBe(delta);
  });

  it('packs the items of a delta for the packed encoding, keeping topic and seq', () => {
    const wire = encodeDelta(delta, 'packed');
    expect(wire).toEqual({ topic: 'grid', seq: 12, packed: expect.objectContaining({ keys: Object.keys(delta.items[0]!) }) });
    expect(wire).not.toHaveProperty('items');
    expect(deltaItems(wire)).toEqual(delta.items);
    expect(deltaItems(JSON.parse(JSON.stringify(wire)) as typeof wire)).toEqual(delta.items);
    // The delta itself is left alone (other rooms send it as it is).
    expect(delta.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('falls back to plain items when they cannot be packed', () => {
    const mixed = { topic: 'grid', seq: 3, items: [gridCase('a', JIANGCHENG), { ...gridCase('b', JIANGCHENG), extra: 1 }] } as LiveDelta;
    expect(encodeDelta(mixed, 'packed')).toEqual(mixed);
    expect(encodeDelta(mixed, 'packed')).not.toHaveProperty('packed');
    // A scoped delta with nothing left for the scope still carries its seq.
    const empty = scopeDelta({ topic: 'grid', seq: 9, items: [gridCase('y', YANGDONG)] }, [JIANGCHENG]);
    expect(encodeDelta(empty, 'packed')).toEqual({ topic: 'grid', seq: 9, items: [] });
  });
});
