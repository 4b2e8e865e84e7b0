import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Mirror } from '../../../../client/src/live/mirror.js';
import type { TopicPatch } from '../../../../client/src/live/protocol.js';
import { unpackItems } from '../../../../shared/contracts/packed.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { gridCase } from '../fixtures/shell-items.js';

/** A patch's groups as items: whole ones, and the changed fields of the others. */
const rows = (p: TopicPatch<GridCase>) => ({ added: p.added, changed: p.changed.map((g) => ({ keys: g.keys, items: unpackItems(g) })) });

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
    expect(rows(patch)).toEqual({
      added: [gridCase('d')],
      changed: [
        { keys: ['id', 'status', 'updatedAt'], items: [{ id: 'a', status: 'dispatched', updatedAt: '2026-11-22T09:00:00.000Z' }, { id: 'b', status: 'closed', updatedAt: '2026-11-22T09:00:01.000Z' }] },
        { keys: ['id', 'location'], items: [{ id: 'c', location: { lon: 112, lat: 22 } }] },
      ],
    });
    // The copy now holds the new values: sending them again changes nothing.
    expect(rows(m.diff([gridCase('a', { status: 'dispatched', updatedAt: '2026-11-22T09:00:00.000Z' })])).changed).toEqual([{ keys: ['id'], items: [{ id: 'a' }] }]);
  });

  it('compares a location by value, not by object', () => {
    const m = new Mirror<GridCase>();
    m.reset([gridCase('a')]);
    expect(rows(m.diff([gridCase('a', { location: { ...gridCase('a').location } })])).changed).toEqual([{ keys: ['id'], items: [{ id: 'a' }] }]);
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
    expect(rows(patch)).toEqual({
      added: [gridCase('n', { status: 'closed' })],
      changed: [
        { keys: ['id', 'status'], items: [{ id: 'c', status: 'dispatched' }] },
        { keys: ['id', 'title', 'status'], items: [{ id: 'a', title: '井盖缺失', status: 'closed' }] },
      ],
    });
  });

  it('forgets everything on reset', () => {
    const m = new Mirror<GridCase>();
    m.reset([gridCase('a')]);
    m.reset([]);
    expect(rows(m.diff([gridCase('a')])).added).toEqual([gridCase('a')]);
  });
});
