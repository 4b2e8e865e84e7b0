import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Mirror } from '../../../../client/src/live/mirror.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { gridCase } from '../fixtures/shell-items.js';

describe('live worker mirror', () => {
  // The fixtures stamp the current time: freeze it, so equal cases are equal.
  beforeAll(() => vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-22T08:00:00Z') }));
  afterAll(() => vi.useRealTimers());

  it('sends new items whole and, for known ones, only the fields that changed, grouped by which changed', () => {
    const m = new Mirror<GridCase>();
    m.reset([gridCase('a'), gridCase('b'), gridCase('c')]);
    const patch = m.diff([
      gridCase('a', { status: 'dispatched', updatedAt: '2026-11-22T09:00:00.000Z' }),
      gridCase('b', { status: 'closed', updatedAt: '2026-11-22T09:00:01.000Z' }),
      gridCase('c', { location: { lon: 112, lat: 22 } }),
      gridCase('d'),
    ]);
    expect(patch.added).toEqual([gridCase('d')]);
    expect(patch.changed).toEqual([
      { keys: ['id', 'status', 'updatedAt'], rows: [['a', 'dispatched', '2026-11-22T09:00:00.000Z'], ['b', 'closed', '2026-11-22T09:00:01.000Z']] },
      { keys: ['id', 'location'], rows: [['c', { lon: 112, lat: 22 }]] },
    ]);
    // The copy now holds the new values: sending them again changes nothing.
    expect(m.diff([gridCase('a', { status: 'dispatched', updatedAt: '2026-11-22T09:00:00.000Z' })]).changed).toEqual([{ keys: ['id'], rows: [['a']] }]);
  });

  it('compares a location by value, not by object', () => {
    const m = new Mirror<GridCase>();
    m.reset([gridCase('a')]);
    expect(m.diff([gridCase('a', { location: { ...gridCase('a').location } })]).changed).toEqual([{ keys: ['id'], rows: [['a']] }]);
  });

  it('gives a case sent twice in one delta one row with its final values', () => {
    const m = new Mirror<GridCase>();
    m.reset([gridCase('a'), gridCase('c')]);
    const patch = m.diff([
      gridCase('c', { status: 'dispatched' }),
      gridCase('a', { status: 'dispatched', title: '井盖缺失' }),
      gridCase('a', { status: 'closed', title: '井盖缺失' }),
      gridCase('n'),
      gridCase('n', { status: 'closed' }),
    ]);
    expect(patch.changed).toEqual([
      { keys: ['id', 'status'], rows: [['c', 'dispatched']] },
      { keys: ['id', 'title', 'status'], rows: [['a', '井盖缺失', 'closed']] },
    ]);
    expect(patch.added).toEqual([gridCase('n', { status: 'closed' })]);
  });

  it('patches a field the item no longer has to undefined', () => {
    const m = new Mirror<GridCase>();
    m.reset([gridCase('a')]);
    const { address: _gone, ...rest } = gridCase('a');
    expect(m.diff([rest as GridCase]).changed).toEqual([{ keys: ['id', 'address'], rows: [['a', undefined]] }]);
  });

  it('forgets everything on reset', () => {
    const m = new Mirror<GridCase>();
    m.reset([gridCase('a')]);
    m.reset([]);
    expect(m.diff([gridCase('a')]).added).toEqual([gridCase('a')]);
  });
});
