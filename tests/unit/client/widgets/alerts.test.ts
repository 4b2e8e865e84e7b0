import { describe, expect, it } from 'vitest';
import { alertTime, runningAlerts, senderName } from '../../../../client/src/widgets/common/alerts.js';
import { groupAlerts } from '../../../../client/src/widgets/AlertList/alert-groups.js';
import { alertItem } from './fixtures.js';

const items = [
  alertItem({ id: 'y1', level: 'yellow', sent: '2026-07-01T01:00:00Z' }),
  alertItem({ id: 'r1', level: 'red', sent: '2026-07-01T00:00:00Z' }),
  alertItem({ id: 'y2', level: 'yellow', sent: '2026-07-01T02:00:00Z', state: 'acknowledged', acknowledgedBy: 'duty' }),
  alertItem({ id: 'b1', level: 'blue' }),
  alertItem({ id: 'gone', level: 'red', state: 'cancelled' }),
];

describe('running alerts', () => {
  it('orders running alerts most severe first, then newest first', () => {
    expect(runningAlerts(items).map((a) => a.id)).toEqual(['r1', 'y2', 'y1', 'b1']);
    expect(runningAlerts(items, 2).map((a) => a.id)).toEqual(['r1', 'y2']);
  });

  it("puts official warnings before the city's own environment notices of the same level, even newer ones", () => {
    const mixed = [
      alertItem({ id: 'notice', level: 'blue', kind: 'notice', sender: 'city-cockpit/env', sent: '2026-07-01T05:00:00Z' }),
      alertItem({ id: 'official', level: 'blue', sent: '2026-07-01T01:00:00Z' }),
      alertItem({ id: 'yellow-notice', level: 'yellow', kind: 'notice', sent: '2026-07-01T00:00:00Z' }),
    ];
    expect(runningAlerts(mixed).map((a) => a.id)).toEqual(['yellow-notice', 'official', 'notice']);
  });

  it('names senders as the city pack does, in the language, else by CAP senderName, else by id', () => {
    const senders = [{ id: 'qxt-441700@gd.cma.gov.cn', name: '阳江市气象台', nameEn: 'Yangjiang Meteorological Observatory' }];
    expect(senderName({ sender: 'qxt-441700@gd.cma.gov.cn', senderName: null }, senders, 'zh-CN')).toBe('阳江市气象台');
    expect(senderName({ sender: 'qxt-441700@gd.cma.gov.cn', senderName: '气象台' }, senders, 'en')).toBe('Yangjiang Meteorological Observatory');
    expect(senderName({ sender: 'x@y', senderName: '某市气象台' }, senders, 'zh-CN')).toBe('某市气象台');
    expect(senderName({ sender: 'x@y', senderName: null }, undefined, 'zh-CN')).toBe('x@y');
  });

  it('groups by level with counts, pending acknowledgements and a bounded list', () => {
    const groups = groupAlerts(items, 2);
    expect(groups.map((g) => [g.level, g.total, g.unacknowledged, g.shown.map((a) => a.id)])).toEqual([
      ['red', 1, 1, ['r1']],
      ['yellow', 2, 1, ['y2']],
      ['blue', 1, 1, []],
    ]);
  });

  it('prints times on the China clock, with the date when not today', () => {
    const now = Date.parse('2026-07-01T02:30:00Z');
    expect(alertTime('2026-07-01T01:05:00Z', now)).toBe('09:05');
    expect(alertTime('2026-06-30T15:59:00Z', now)).toBe('06-30 23:59');
  });
});
