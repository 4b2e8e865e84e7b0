import { describe, expect, it } from 'vitest';
import { CaseQueue, type QueueFilter, type QueueSort } from '../../../../client/src/model/cases/case-queue.js';
import { deskCase } from '../desk/fixtures.js';

const byDeadline: QueueSort = { by: 'deadline', order: 'asc' };
const open: QueueFilter = { stage: 'open' };
const at = (h: number) => new Date(Date.UTC(2026, 6, 1, h)).toISOString();
const ids = (q: CaseQueue) => q.window(0, 1000).map((c) => c.id);

function queue(filter: QueueFilter, sort: QueueSort = byDeadline) {
  const q = new CaseQueue(filter, sort);
  q.reset([
    deskCase('a', { status: 'dispatched', deadlineAt: at(9), reportedAt: at(1), category: 'road_damage', title: '人行道破损', address: '江城区东风路 12 号' }),
    deskCase('b', { status: 'in_progress', deadlineAt: at(5), reportedAt: at(2), category: 'manhole_cover', overdue: true, assignee: '李强', source: 'hotline' }),
    deskCase('c', { status: 'reported', reportedAt: at(3), district: '441704', description: 'Garbage OVERFLOW near the market' }),
    deskCase('d', { status: 'closed', reportedAt: at(0), closedAt: at(4) }),
    deskCase('e', { status: 'feedback', deadlineAt: at(7), reportedAt: at(4), supervised: { at: at(4), by: 'duty', note: '加快', dueAt: at(7) } }),
  ]);
  return q;
}

describe('case queue', () => {
  it('shows the open cases by deadline, those without one last', () => {
    expect(ids(queue(open))).toEqual(['b', 'e', 'a', 'c']);
  });

  it('sorts by report time either way, deadline descending keeps cases without one last', () => {
    expect(ids(queue(open, { by: 'reported', order: 'desc' }))).toEqual(['e', 'c', 'b', 'a']);
    expect(ids(queue(open, { by: 'reported', order: 'asc' }))).toEqual(['a', 'b', 'c', 'e']);
    expect(ids(queue(open, { by: 'deadline', order: 'desc' }))).toEqual(['a', 'e', 'b', 'c']);
  });

  it('reads the descending order window by window as the ascending one backwards, the cases without a deadline still last', () => {
    const q = queue(open, { by: 'deadline', order: 'desc' });
    q.update('g', deskCase('g', { status: 'registered', reportedAt: at(5) }));
    expect(ids(q)).toEqual(['a', 'e', 'b', 'g', 'c']);
    expect([0, 1, 2, 3, 4].flatMap((i) => q.window(i, 1).map((c) => c.id))).toEqual(['a', 'e', 'b', 'g', 'c']);
    expect(q.window(2, 2).map((c) => c.id)).toEqual(['b', 'g']);
    q.respec(open, byDeadline);
    expect(ids(q)).toEqual(['b', 'e', 'a', 'c', 'g']);
  });

  it('filters by stage, category, district, source, overdue, assignee and supervision', () => {
    expect(ids(queue({ stage: 'closed' }))).toEqual(['d']);
    expect(ids(queue({ stage: 'all' })).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(queue({ ...open, category: 'manhole_cover' }))).toEqual(['b']);
    expect(ids(queue({ ...open, district: '441704' }))).toEqual(['c']);
    expect(ids(queue({ ...open, source: 'hotline' }))).toEqual(['b']);
    expect(ids(queue({ ...open, overdue: true }))).toEqual(['b']);
    expect(ids(queue({ ...open, assignee: '李强' }))).toEqual(['b']);
    expect(ids(queue({ ...open, assignee: '' }))).toEqual(['e', 'a', 'c']);
    expect(ids(queue({ ...open, supervised: true }))).toEqual(['e']);
  });

  it('searches title, description and address, case-insensitively, every word, Chinese substrings included', () => {
    expect(ids(queue({ ...open, q: '破损' }))).toEqual(['a']);
    expect(ids(queue({ ...open, q: '东风路' }))).toEqual(['a']);
    expect(ids(queue({ ...open, q: 'garbage overflow' }))).toEqual(['c']);
    expect(ids(queue({ ...open, q: 'garbage 东风路' }))).toEqual([]);
    expect(ids(queue({ ...open, q: '  ' }))).toEqual(['b', 'e', 'a', 'c']);
  });

  it('counts per stage under the filter without its stage', () => {
    const q = queue({ stage: 'dispatched', district: '441702' });
    expect(q.total).toBe(1);
    expect(q.stageCounts()).toMatchObject({ dispatched: 1, in_progress: 1, feedback: 1, closed: 1, reported: 0 });
  });

  it('gives a window of the sorted rows', () => {
    const q = queue(open);
    expect(q.window(1, 2).map((c) => c.id)).toEqual(['e', 'a']);
    expect(q.window(3, 10).map((c) => c.id)).toEqual(['c']);
    expect(q.window(9, 10)).toEqual([]);
    expect(q.total).toBe(4);
  });

  it('re-files a changed case, adds a new one, drops one that left or no longer matches, and keeps the counts', () => {
    const q = queue(open);
    q.update('c', deskCase('c', { status: 'dispatched', deadlineAt: at(6), reportedAt: at(3) }));
    expect(ids(q)).toEqual(['b', 'c', 'e', 'a']);
    q.update('f', deskCase('f', { status: 'registered', deadlineAt: at(2) }));
    expect(ids(q)).toEqual(['f', 'b', 'c', 'e', 'a']);
    q.update('b', deskCase('b', { status: 'closed' }));
    q.update('a', undefined);
    expect(ids(q)).toEqual(['f', 'c', 'e']);
    expect(q.stageCounts()).toMatchObject({ registered: 1, dispatched: 1, feedback: 1, closed: 2, in_progress: 0, reported: 0 });
  });

  it('a new filter or sort re-slices every case in order', () => {
    const q = queue(open);
    q.respec({ ...open, q: 'market' }, byDeadline);
    expect(ids(q)).toEqual(['c']);
    q.respec({ stage: 'all' }, { by: 'reported', order: 'asc' });
    expect(ids(q)).toEqual(['d', 'a', 'b', 'c', 'e']);
  });

  it('after changes, stage tabs and sort toggles show exactly what a queue built afresh shows', () => {
    const q = queue(open);
    const stages = ['open', 'dispatched', 'all', 'closed', 'in_progress'] as const;
    const all = new Map<string, ReturnType<typeof deskCase>>();
    for (let i = 0; i < 40; i++) {
      const c = deskCase(`n${i}`, { status: (['registered', 'dispatched', 'in_progress', 'closed'] as const)[i % 4], reportedAt: at(i % 7), deadlineAt: i % 3 ? at(i % 5) : null });
      all.set(c.id, c);
      q.update(c.id, c);
      const filter: QueueFilter = { stage: stages[i % stages.length]! };
      const sort: QueueSort = { by: i % 2 ? 'deadline' : 'reported', order: i % 3 ? 'asc' : 'desc' };
      q.respec(filter, sort);
      const fresh = new CaseQueue(filter, sort);
      fresh.reset([...queue(open).window(0, 100), ...queue({ stage: 'closed' }).window(0, 100), ...all.values()]);
      expect(ids(q)).toEqual(ids(fresh));
      expect(q.stageCounts()).toEqual(fresh.stageCounts());
    }
  });
});
