import { describe, expect, it } from 'vitest';
import { inboxView, rowOrder } from '../../../../../client/src/desk/alerts/inbox-model.js';
import { alert } from '../../fixtures/shell-items.js';

const at = (h: number) => `2026-11-22T${String(h).padStart(2, '0')}:00:00+08:00`;
const ids = (xs: { id: string }[]) => xs.map((a) => a.id);

describe('inboxView', () => {
  const items = [
    alert('y-old', { level: 'yellow', sent: at(8) }),
    alert('r-notice', { level: 'red', kind: 'notice', sent: at(11) }),
    alert('r-old', { level: 'red', sent: at(7) }),
    alert('r-new', { level: 'red', sent: at(9) }),
    alert('y-new', { level: 'yellow', sent: at(10) }),
    alert('b-ack', { level: 'blue', state: 'acknowledged', sent: at(6) }),
    alert('o-ack', { level: 'orange', state: 'acknowledged', sent: at(5) }),
    alert('gone', { level: 'red', state: 'cancelled', sent: at(12) }),
  ];

  it('groups pending alerts by level, most severe first; warnings before notices, then newest first', () => {
    const view = inboxView(items);
    expect(view.groups.map((g) => [g.level, ids(g.alerts)])).toEqual([
      ['red', ['r-new', 'r-old', 'r-notice']],
      ['yellow', ['y-new', 'y-old']],
    ]);
  });

  it('puts acknowledged alerts apart, most severe first, and drops ended ones', () => {
    const view = inboxView(items);
    expect(ids(view.acknowledged)).toEqual(['o-ack', 'b-ack']);
    expect(JSON.stringify(view)).not.toContain('gone');
  });

  it('searches pending and acknowledged alerts alike, case-insensitively', () => {
    const text = (a: { id: string }) => (a.id === 'b-ack' ? 'Rainstorm 阳江市气象台 江城区' : 'other');
    const view = inboxView(items, '  rainSTORM ', text);
    expect(view.groups).toEqual([]);
    expect(ids(view.acknowledged)).toEqual(['b-ack']);
  });

  it('walks the pending rows, then the acknowledged ones only when that section is open', () => {
    const view = inboxView(items);
    expect(ids(rowOrder(view, false))).toEqual(['r-new', 'r-old', 'r-notice', 'y-new', 'y-old']);
    expect(ids(rowOrder(view, true)).slice(-2)).toEqual(['o-ack', 'b-ack']);
  });
});
