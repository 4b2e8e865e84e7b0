import { describe, expect, it } from 'vitest';
import { filterItems, itemDistricts, resolveScope, roomName, scopeDelta } from '../../../../server/src/realtime/subscriptions.js';
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

describe('resolveScope', () => {
  it('leaves an unrestricted user unrestricted unless it narrows', () => {
    expect(resolveScope(null, undefined)).toEqual({ ok: true, scope: null });
    expect(resolveScope(null, [YANGDONG, JIANGCHENG, YANGDONG])).toEqual({ ok: true, scope: [JIANGCHENG, YANGDONG] });
  });

  it('restricts a grid user to its districts, intersecting what it asks for', () => {
    expect(resolveScope([JIANGCHENG], undefined)).toEqual({ ok: true, scope: [JIANGCHENG] });
    expect(resolveScope([JIANGCHENG], [JIANGCHENG, YANGDONG])).toEqual({ ok: true, scope: [JIANGCHENG] });
  });

  it('refuses a grid user asking only for foreign districts', () => {
    expect(resolveScope([JIANGCHENG], [YANGDONG])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(resolveScope([JIANGCHENG], [CITY])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
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
    const a = resolveScope(null, [YANGDONG, JIANGCHENG]);
    const b = resolveScope(null, [JIANGCHENG, YANGDONG]);
    if (!a.ok || !b.ok) throw new Error('unexpected refusal');
    expect(roomName('grid', a.scope)).toBe(roomName('grid', b.scope));
  });
});
