import { describe, expect, it } from 'vitest';
import { CaseQueueView } from '../../../../client/src/live/cases/case-queue.view.js';
import type { ViewSpec } from '../../../../client/src/live/protocol.js';
import { deskCase } from '../desk/fixtures.js';
import { fedView } from './fixtures.js';

type Spec = Extract<ViewSpec, { kind: 'case-queue' }>;
const spec = (over: Partial<Spec> = {}): Spec => ({ kind: 'case-queue', mode: 'real', filter: { stage: 'open' }, sort: { by: 'reported', order: 'asc' }, offset: 0, limit: 2, ...over });
const reported = (h: number) => new Date(Date.UTC(2026, 6, 1, h)).toISOString();
const cases = [
  deskCase('a', { reportedAt: reported(1) }),
  deskCase('b', { reportedAt: reported(2) }),
  deskCase('c', { reportedAt: reported(3) }),
  deskCase('x', { reportedAt: reported(0), exercise: true }),
];

describe('case-queue view', () => {
  it('posts a window of its partition, the total and the counts, then nothing until something changed', () => {
    const { view } = fedView(new CaseQueueView(spec()), cases);
    const first = view.take();
    expect(first?.ids).toEqual(['a', 'b']);
    expect(first?.changed.map((c) => c.id)).toEqual(['a', 'b']);
    expect(first).toMatchObject({ offset: 0, total: 3, counts: { registered: 3 } });
    expect(view.take()).toBeNull();
  });

  it('posts only the case of the window that changed, and another officer’s action moves counts', () => {
    const { view, change } = fedView(new CaseQueueView(spec()), cases);
    view.take();
    change(deskCase('b', { reportedAt: reported(2), status: 'dispatched', version: 2 }));
    const next = view.take();
    expect(next?.ids).toEqual(['a', 'b']);
    expect(next?.changed).toEqual([expect.objectContaining({ id: 'b', status: 'dispatched', version: 2 })]);
    expect(next?.counts).toMatchObject({ registered: 2, dispatched: 1 });
    change(deskCase('c', { reportedAt: reported(3), status: 'dispatched', version: 2 }));
    expect(view.take()).toMatchObject({ ids: ['a', 'b'], changed: [], counts: { registered: 1, dispatched: 2 } });
  });

  it('answers a new window or filter in place, and a drill case never shows in the real queue', () => {
    const { view } = fedView(new CaseQueueView(spec()), cases);
    view.take();
    expect(view.respec(spec({ offset: 2 }))).toBe(true);
    expect(view.take()?.ids).toEqual(['c']);
    expect(view.respec(spec({ sort: { by: 'reported', order: 'desc' } }))).toBe(true);
    // A new spec is answered with every case of its window, the page's held ones included.
    expect(view.take()?.changed.map((c) => c.id)).toEqual(['c', 'b']);
    expect(view.respec(spec({ mode: 'drill' }))).toBe(false);
  });

  it('is prompt: its changes are not held to the screens’ once-a-second pace', () => {
    expect(new CaseQueueView(spec()).prompt).toBe(true);
  });
});
