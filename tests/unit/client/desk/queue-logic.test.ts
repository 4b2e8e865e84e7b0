import { describe, expect, it } from 'vitest';
import { bulkActions, offeredActions } from '../../../../client/src/desk/cases/case-actions.js';
import { countdownOf, spanOf } from '../../../../client/src/desk/cases/countdown.js';
import { DEFAULT_QUEUE, queueFromQuery, queueToQuery, sameQueue } from '../../../../client/src/desk/cases/queue-query.js';
import { recycleKeys } from '../../../../client/src/desk/cases/row-keys.js';
import { windowFor, windowOf } from '../../../../client/src/desk/cases/useQueueView.js';
import { deskCase } from './fixtures.js';

describe('the queue in the address', () => {
  it('reads every filter and the sort, and writes them back leaving defaults and other keys as they are', () => {
    const query = {
      stage: 'feedback',
      category: 'manhole_cover',
      district: '441702',
      source: 'hotline',
      overdue: '1',
      assignee: '李强',
      supervised: '1',
      q: '井盖',
      sort: 'reported',
      order: 'desc',
      case: 'c1',
    };
    const state = queueFromQuery(query);
    expect(state).toEqual({
      filter: { stage: 'feedback', category: 'manhole_cover', district: '441702', source: 'hotline', overdue: true, assignee: '李强', supervised: true, q: '井盖' },
      sort: { by: 'reported', order: 'desc' },
    });
    expect(queueToQuery(state, query)).toEqual(query);
    expect(queueToQuery(DEFAULT_QUEUE, { case: 'c1', stage: 'closed' })).toEqual({ case: 'c1' });
  });

  it('falls back to the default for anything it does not know, never failing', () => {
    expect(queueFromQuery({ stage: 'nonsense', source: 'fax', overdue: 'yes', sort: 'x', order: 'y', q: '' })).toEqual(DEFAULT_QUEUE);
    expect(queueFromQuery({ stage: ['closed', 'open'] }).filter.stage).toBe('closed');
  });
});

describe('countdowns', () => {
  const now = Date.parse('2026-07-01T03:00:00.000Z');
  const at = (ms: number) => new Date(now + ms).toISOString();

  it('reads a span in its two largest units', () => {
    expect(spanOf(65_000)).toEqual({ unit: 'ms', m: 1, s: 5 });
    expect(spanOf(-(2 * 3_600_000 + 61_000))).toEqual({ unit: 'hm', h: 2, m: 1 });
    expect(spanOf(26 * 3_600_000)).toEqual({ unit: 'dh', d: 1, h: 2 });
  });

  it('runs while the department works, turns overdue past the deadline, and stops once fed back', () => {
    expect(countdownOf(deskCase('a', { status: 'dispatched', deadlineAt: at(60_000) }), now)).toMatchObject({ state: 'running' });
    expect(countdownOf(deskCase('a', { status: 'in_progress', deadlineAt: at(-1000) }), now)).toMatchObject({ state: 'overdue' });
    expect(countdownOf(deskCase('a', { status: 'feedback', deadlineAt: at(60_000) }), now)).toEqual({ state: 'none' });
    expect(countdownOf(deskCase('a', { status: 'feedback', deadlineAt: at(-60_000) }), now)).toEqual({ state: 'none' });
    expect(countdownOf(deskCase('a', { status: 'registered', deadlineAt: null }), now)).toEqual({ state: 'none' });
  });
});

describe('actions offered', () => {
  const duty = { role: 'duty' as const, districts: null };
  it('offers a selection only the lifecycle steps every selected case allows', () => {
    expect(bulkActions(duty, [deskCase('a'), deskCase('b')])).toEqual(['dispatch']);
    expect(bulkActions(duty, [deskCase('a'), deskCase('b', { status: 'reported' })])).toEqual([]);
    expect(bulkActions(duty, [])).toEqual([]);
    expect(offeredActions(null, deskCase('a'))).toEqual([]);
  });
});

describe('the window the list asks for', () => {
  it('covers the rows on screen with a step of margin, and moves in whole steps', () => {
    expect(windowFor(0, 9)).toEqual({ offset: 0, limit: 40 });
    expect(windowFor(1000, 1012)).toEqual({ offset: 980, limit: 60 });
    expect(windowFor(1001, 1013)).toEqual(windowFor(1000, 1012));
  });
});

describe('rows kept across posts', () => {
  it('builds the window from the posted ids, keeping the object already shown for each case the post does not carry', () => {
    const a = deskCase('a');
    const b = deskCase('b');
    const b2 = deskCase('b', { version: 2, status: 'dispatched' });
    const counts = { reported: 0, registered: 2, dispatched: 1, in_progress: 0, feedback: 0, closed: 0, evaluated: 0, rejected: 0 };
    const next = windowOf([a, b], { offset: 20, ids: ['b', 'a', 'c'], changed: [b2, deskCase('c')], total: 3, counts });
    expect(next.rows[0]).toBe(b2);
    expect(next.rows[1]).toBe(a);
    expect(next.rows.map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect(next).toMatchObject({ offset: 20, total: 3, counts });
  });
});

describe('the list’s recycled row keys', () => {
  it('keeps the key of what stays on screen, gives what comes on screen the keys of what left, and needs no more keys than slots', () => {
    const first = recycleKeys(new Map(), ['a', 'b', 'c']);
    expect([...first]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    // c moves up, a leaves, d comes: c keeps its key (its row moves), d takes a's (a's row is patched).
    const moved = recycleKeys(first, ['c', 'b', 'd']);
    expect([...moved]).toEqual([
      ['c', 2],
      ['b', 1],
      ['d', 0],
    ]);
    // A filter change replacing every row reuses every key; one more row takes a fresh one.
    const replaced = recycleKeys(moved, ['x', 'y', 'z', '#3']);
    expect(new Set(replaced.values())).toEqual(new Set([0, 1, 2, 3]));
    expect(recycleKeys(replaced, []).size).toBe(0);
  });

  it('tells equal queue states apart from different ones, defaults written or not', () => {
    expect(sameQueue(DEFAULT_QUEUE, queueFromQuery({}))).toBe(true);
    expect(sameQueue(queueFromQuery({ stage: 'open', order: 'asc' }), queueFromQuery({}))).toBe(true);
    expect(sameQueue(queueFromQuery({ order: 'desc' }), queueFromQuery({}))).toBe(false);
  });
});
