import { describe, expect, it } from 'vitest';
import type { ReportSection } from '../../../../../shared/contracts/handover.js';
import { alertsSection, type ShiftAlert } from '../../../../../server/src/domain/handover/sections/alerts.section.js';
import { casesSection, type ShiftCase } from '../../../../../server/src/domain/handover/sections/cases.section.js';
import { eventsSection } from '../../../../../server/src/domain/handover/sections/events.section.js';
import { openItemsSection } from '../../../../../server/src/domain/handover/sections/open-items.section.js';
import { overdueSection, type WatchedCase } from '../../../../../server/src/domain/handover/sections/overdue.section.js';
import { HANDOVER_SECTIONS } from '../../../../../server/src/domain/handover/sections/index.js';

/** The handover report's sections, built from hand-made rows of one shift (08:30–17:30 Beijing time). */
const W = { from: '2026-12-07T00:30:00.000Z', to: '2026-12-07T09:30:00.000Z', districts: null, places: { '441702': { zh: '江城区', en: 'Jiangcheng' } } };
const figures = (s: ReportSection) => Object.fromEntries(s.figures.map((f) => [f.key, f.value]));
const table = (s: ReportSection, key: string) => s.tables.find((t) => t.key === key);

const alert = (over: Partial<ShiftAlert>): ShiftAlert => ({
  id: 'a',
  level: 'yellow',
  event: '暴雨黄色预警信号',
  headline: null,
  exercise: false,
  receivedAt: '2026-12-07T01:00:00.000Z',
  acknowledgedBy: null,
  acknowledgedAt: null,
  ...over,
});

describe('handover report sections', () => {
  it('registers each section once, in print order', () => {
    expect(HANDOVER_SECTIONS.map((s) => s.id)).toEqual(['alerts', 'cases', 'overdue', 'events', 'openItems']);
  });

  it('alerts: counts received and acknowledged in the shift, the wait of each, and lists drill alerts apart', () => {
    const s = alertsSection.build(
      [
        alert({ id: 'a1', level: 'red', acknowledgedBy: 'duty', acknowledgedAt: '2026-12-07T01:12:00.000Z' }),
        alert({ id: 'a2', receivedAt: '2026-12-07T02:00:00.000Z', acknowledgedBy: 'duty', acknowledgedAt: '2026-12-07T02:30:00.000Z' }),
        alert({ id: 'a3' }),
        // Received in the previous shift, acknowledged in this one: acknowledged, not received.
        alert({ id: 'a4', receivedAt: '2026-12-06T23:00:00.000Z', acknowledgedBy: 'duty2', acknowledgedAt: '2026-12-07T00:40:00.000Z' }),
        alert({ id: 'd1', exercise: true, headline: '演练' }),
      ],
      W,
    );
    expect(figures(s)).toEqual({ received: 3, acknowledged: 3, unacknowledged: 1, avgWaitMinutes: Math.round((12 + 30 + 100) / 3) });
    expect(table(s, 'alerts')!.rows.map((r) => r.waitMinutes)).toEqual([12, 30, null, 100]);
    expect(table(s, 'alerts')!.drill).toBe(false);
    expect(table(s, 'alerts.drill')).toMatchObject({ drill: true, title: { zh: '预警明细（演练）' }, rows: [{ headline: '演练' }] });
    expect(table(s, 'alerts')!.columns.find((c) => c.key === 'level')!.labels!.red).toEqual({ zh: '红色', en: 'Red' });
  });

  it('alerts: no drill table when the shift had no exercise data', () => {
    expect(alertsSection.build([alert({})], W).tables.map((t) => t.key)).toEqual(['alerts']);
  });

  it('cases: opened and closed in the shift, open now by stage, drill cases apart', () => {
    const c = (over: Partial<ShiftCase>): ShiftCase => ({
      id: 'c',
      title: '井盖',
      district: '441702',
      status: 'registered',
      exercise: false,
      reportedAt: '2026-12-07T03:00:00.000Z',
      closedAt: null,
      ...over,
    });
    const s = casesSection.build(
      {
        cases: [
          c({ id: 'c1' }),
          c({ id: 'c2', status: 'closed', closedAt: '2026-12-07T05:00:00.000Z' }),
          c({ id: 'c3', reportedAt: '2026-12-06T03:00:00.000Z', status: 'closed', closedAt: '2026-12-07T04:00:00.000Z' }),
          c({ id: 'c4', exercise: true, title: '演练案件' }),
        ],
        openByStage: [
          { status: 'registered', exercise: false, count: 4 },
          { status: 'dispatched', exercise: false, count: 2 },
          { status: 'registered', exercise: true, count: 1 },
        ],
      },
      W,
    );
    expect(figures(s)).toEqual({ opened: 2, closed: 2, openNow: 6 });
    expect(table(s, 'stages')!.rows).toEqual([
      { status: 'reported', count: 0 },
      { status: 'registered', count: 4 },
      { status: 'dispatched', count: 2 },
      { status: 'in_progress', count: 0 },
      { status: 'feedback', count: 0 },
    ]);
    expect(table(s, 'stages.drill')!.rows).toEqual([{ status: 'registered', count: 1 }]);
    expect(table(s, 'cases.drill')!.rows.map((r) => r.title)).toEqual(['演练案件']);
    expect(table(s, 'cases')!.columns.find((c) => c.key === 'district')!.labels!['441702']).toEqual({ zh: '江城区', en: 'Jiangcheng' });
  });

  it('overdue: past the deadline at the end of the shift (by how long) and under supervision', () => {
    const w = (over: Partial<WatchedCase>): WatchedCase => ({
      id: 'w',
      title: '占道',
      status: 'dispatched',
      department: 'urban',
      exercise: false,
      deadlineAt: null,
      supervisedAt: null,
      supervisedBy: null,
      ...over,
    });
    const s = overdueSection.build(
      [w({ id: 'late', deadlineAt: '2026-12-07T08:30:00.000Z' }), w({ id: 'sup', deadlineAt: '2026-12-08T00:00:00.000Z', supervisedAt: '2026-12-07T02:00:00.000Z', supervisedBy: 'duty' })],
      W,
    );
    expect(figures(s)).toEqual({ overdue: 1, supervised: 1 });
    expect(table(s, 'overdue')!.rows.map((r) => [r.overdueMinutes, r.supervisedBy])).toEqual([
      [60, null],
      [null, 'duty'],
    ]);
  });

  it('events and open items: real figures only, drill rows apart', () => {
    const events = eventsSection.build(
      [
        { at: '2026-12-07T01:00:00.000Z', kind: 'warning', level: 'red', text: '暴雨红色预警', exercise: false },
        { at: '2026-12-07T02:00:00.000Z', kind: 'escalated', level: 'red', text: '暴雨红色预警（第1级催办）', exercise: false },
        { at: '2026-12-07T03:00:00.000Z', kind: 'drill_started', level: null, text: '防台风演练', exercise: true },
      ],
      W,
    );
    expect(figures(events)).toEqual({ warnings: 1, escalations: 1 });
    expect(table(events, 'events.drill')!.rows).toEqual([{ at: '2026-12-07T03:00:00.000Z', kind: 'drill_started', level: null, text: '防台风演练' }]);
    const open = openItemsSection.build(
      [
        { kind: 'alert', since: '2026-12-07T01:00:00.000Z', level: 'yellow', text: '未确认', exercise: false },
        { kind: 'case', since: '2026-12-07T04:00:00.000Z', level: null, text: '超期', exercise: false },
        { kind: 'case', since: '2026-12-07T04:00:00.000Z', level: null, text: '演练超期', exercise: true },
      ],
      W,
    );
    expect(figures(open)).toEqual({ alerts: 1, cases: 1 });
    expect(table(open, 'openItems.drill')!.rows.map((r) => r.text)).toEqual(['演练超期']);
  });
});
