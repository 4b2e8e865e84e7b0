import { describe, expect, it } from 'vitest';
import { caseDetails, statusColorExpression } from '../../../../client/src/map/layers/cases.mapping.js';
import { CASE_STATE_KEYS, caseFeature } from '../../../../client/src/model/cases/case-feature.js';
import { createSourceDiffer } from '../../../../client/src/model/geo/source-differ.js';
import { CASE_STATUS_COLORS, OVERDUE_COLOR } from '../../../../client/src/map/palette.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { gridCase, mapFormat } from './fixtures.js';

describe('caseFeature', () => {
  it('is a point at the case, keyed by id, carrying its lifecycle status', () => {
    const f = caseFeature(gridCase('c1', { status: 'dispatched', location: { lon: 111.9, lat: 21.8 } }));
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [111.9, 21.8] });
    expect(f.properties).toEqual({ id: 'c1', status: 'dispatched', overdue: false });
  });

  it('flags an overdue case, and the style colours every status with its own colour', () => {
    expect(caseFeature(gridCase('c1', { status: 'in_progress', overdue: true })).properties.overdue).toBe(true);
    const [op, input, ...rest] = statusColorExpression() as unknown[];
    // The status drawn is the feature-state one when set (a live change), else the property.
    expect([op, input]).toEqual(['match', ['coalesce', ['feature-state', 'status'], ['get', 'status']]]);
    const pairs = Object.fromEntries(Array.from({ length: (rest.length - 1) / 2 }, (_, i) => [rest[2 * i], rest[2 * i + 1]]));
    expect(pairs).toEqual(CASE_STATUS_COLORS);
    expect(new Set(Object.values(CASE_STATUS_COLORS)).size).toBe(Object.keys(CASE_STATUS_COLORS).length);
  });
});

describe('case source diffs (updateData)', () => {
  const setup = (cases: GridCase[]) => {
    const store = new Map(cases.map((c) => [c.id, c]));
    const differ = createSourceDiffer<GridCase>((c) => [caseFeature(c)], { stateKeys: CASE_STATE_KEYS });
    const initial = differ.reset(store.entries());
    return { store, differ, initial, diff: (...keys: string[]) => differ.diff(keys, (k) => store.get(k)) };
  };

  it('starts from the full collection once', () => {
    const { initial, differ } = setup([gridCase('a'), gridCase('b')]);
    expect(initial.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
    expect(differ.size()).toBe(2);
  });

  it('adds a new case, sends only the properties that changed for a known one, and its new status as feature-state', () => {
    const { store, diff } = setup([gridCase('a')]);
    store.set('a', gridCase('a', { status: 'dispatched', overdue: true, updatedAt: '2026-11-22T09:00:00+08:00' }));
    store.set('b', gridCase('b'));
    const d = diff('a', 'b')!;
    expect(d.data!.add!.map((f) => f.properties!.id)).toEqual(['b']);
    expect(d.data!.remove).toEqual([]);
    expect(d.data!.update).toEqual([{ id: 'a', addOrUpdateProperties: [{ key: 'overdue', value: true }] }]);
    expect(d.states).toEqual([{ id: 'a', state: { status: 'dispatched' } }]);
    expect(d.cleared).toEqual([]);
  });

  it('recolours a case whose status alone changed without any worker update, and only once', () => {
    const { store, diff } = setup([gridCase('a')]);
    store.set('a', gridCase('a', { status: 'in_progress' }));
    expect(diff('a')).toEqual({ data: null, states: [{ id: 'a', state: { status: 'in_progress' } }], cleared: [] });
    expect(diff('a')).toBeNull();
  });

  it('moves a relocated case, removes one that left the store and drops its feature-state', () => {
    const { store, diff, differ } = setup([gridCase('a'), gridCase('b')]);
    store.set('b', gridCase('b', { status: 'dispatched' }));
    diff('b');
    store.set('a', gridCase('a', { location: { lon: 112, lat: 22 } }));
    store.delete('b');
    const d = diff('a', 'b')!;
    expect(d.data!.update).toEqual([{ id: 'a', newGeometry: { type: 'Point', coordinates: [112, 22] } }]);
    expect(d.data!.remove).toEqual(['b']);
    // A case that comes back later must start from its own status, not a stale colour.
    expect(d.cleared).toEqual(['b']);
    expect(differ.size()).toBe(1);
  });

  it('sends nothing when a change touches nothing the map draws', () => {
    const { store, diff } = setup([gridCase('a')]);
    store.set('a', gridCase('a', { title: 'renamed', updatedAt: '2026-11-22T10:00:00+08:00' }));
    expect(diff('a')).toBeNull();
  });
});

describe('caseDetails', () => {
  it('shows title, status, category, district, times and the overdue flag in the chosen language', () => {
    const c = gridCase('c1', { title: '井盖破损', category: 'manhole_cover', status: 'in_progress', overdue: true, deadlineAt: '2026-11-22T12:00:00+08:00' });
    const zh = caseDetails(c, mapFormat('zh-CN'));
    expect(zh.title).toBe('井盖破损');
    expect(zh.color).toBe(OVERDUE_COLOR);
    const row = (label: string) => zh.fields.find((f) => f.label === label);
    expect(row('状态')?.value).toBe('任务处理');
    expect(row('类别')?.value).toBe('井盖破损');
    expect(row('所属区县')?.value).toBe('江城区');
    expect(row('处置时限')?.value).toContain('12:00');
    expect(row('是否超期')).toMatchObject({ value: '已超期', alert: true });
    const en = caseDetails(c, mapFormat('en'));
    expect(en.fields.map((f) => f.value)).toEqual(expect.arrayContaining(['In progress', 'Damaged manhole cover', 'Jiangcheng District', 'Overdue']));
  });
});
