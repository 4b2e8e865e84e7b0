import { describe, expect, it } from 'vitest';
import type { ReportSection } from '../../../../../shared/contracts/handover.js';
import { alertsSection, type ShiftAlert } from '../../../../../server/src/domain/handover/sections/alerts.section.js';
import { casesSection, type ShiftCase } from '../../../../../server/src/domain/handover/sections/cases.section.js';
import { eventsSection } from '../../../../../server/src/domain/handover/sections/events.section.js';
import { openItemsSection } from '../../../../../server/src/domain/handover/sections/open-items.section.js';
import { overdueSection, type WatchedCase } from '../../../../../server/src/domain/handover/sections/overdue.section.js';
import { HANDOVER_SECTIONS } from '../../../../../server/src/domain/handover/sections/index.js';
import { plansSection } from '../../../../../server/src/domain/handover/sections/plans.section.js';
import { dispatchSection } from '../../../../../server/src/domain/handover/sections/dispatch.section.js';
import type { PlanActivation } from '../../../../../shared/schemas/plan.js';
import type { AssignmentRecord } from '../../../../../server/src/domain/dispatch/assignments.repository.js';

/** The handover report's sections, built from hand-made rows of one shift (08:30–17:30 Beijing time). */
const W = {
  from: '2026-12-07T00:30:00.000Z',
  to: '2026-12-07T09:30:00.000Z',
  districts: null,
  places: { '441702': { zh: '江城区', en: 'Jiangcheng' } },
  resources: { '441702-warehouse-01': '阳江市应急物资储备库' },
};
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
    expect(HANDOVER_SECTIONS.map((s) => s.id)).toEqual(['alerts', 'plans', 'dispatch', 'cases', 'overdue', 'events', 'openItems']);
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

  it('plans: each plan run in the shift with its level changes and its progress at the end of the shift; drills apart', () => {
    const step = (id: string, limitMinutes: number) => ({ id, title: id, titleEn: id, department: 'd', limitMinutes, done: 'x', doneEn: 'x' });
    const activation = (over: Partial<PlanActivation>): PlanActivation =>
      ({
        id: 'p',
        planId: 'typhoon',
        plan: { id: 'typhoon', name: '阳江市防台风应急预案', steps: [step('order', 30), step('patrol', 240), step('report', 600)] },
        alertId: 'a',
        alert: { event: '台风橙色预警信号', headline: null, level: 'orange', state: 'acknowledged', sent: '2026-12-07T01:00:00.000Z' },
        exercise: false,
        districts: ['441702'],
        state: 'active',
        responseLevel: 'I',
        version: 3,
        proposedAt: '2026-12-07T01:00:00.000Z',
        startedAt: '2026-12-07T01:00:00.000Z',
        startedBy: 'duty',
        endedAt: null,
        endedBy: null,
        alertEnded: false,
        steps: [{ stepId: 'order', done: true, at: '2026-12-07T01:20:00.000Z', by: 'duty', note: null }],
        history: [{ at: '2026-12-07T03:00:00.000Z', kind: 'level_changed', actor: null, from: 'II', to: 'I', alertLevel: 'red' }],
        updatedAt: '2026-12-07T03:00:00.000Z',
        ...over,
      }) as PlanActivation;
    const s = plansSection.build([activation({}), activation({ id: 'd', exercise: true })], W);
    // At 17:30 the 30-minute step is done, the 4-hour one is overdue, the 10-hour one is not yet due.
    expect(figures(s)).toEqual({ activated: 1, overdueSteps: 1 });
    expect(table(s, 'plans')!.rows).toEqual([
      {
        plan: '阳江市防台风应急预案',
        alert: '台风橙色预警信号',
        responseLevel: 'I',
        levels: 'II→I',
        startedAt: '2026-12-07T01:00:00.000Z',
        startedBy: 'duty',
        reason: null,
        done: '1/3',
        overdue: 1,
        state: 'active',
      },
    ]);
    expect(table(s, 'plans.drill')!.rows).toHaveLength(1);
    // A plan started by hand for a reported event: the event stands for the alert, with the reason.
    const byHand = plansSection.build([activation({ alertId: null, alert: null, manual: { reason: '群众报告化工厂泄漏', event: '化工厂泄漏' } })], W);
    expect(table(byHand, 'plans')!.rows[0]).toMatchObject({ alert: '化工厂泄漏', reason: '群众报告化工厂泄漏' });
  });

  it('dispatch: assignments of the shift by resource, what is still out and how many rescuers; drills apart', () => {
    const a = (over: Partial<AssignmentRecord>): AssignmentRecord => ({
      id: 'x',
      exercise: false,
      target: { kind: 'case', id: 'c1', label: '内涝积水' },
      resourceId: '441702-warehouse-01',
      district: '441702',
      kind: 'material',
      item: 'sandbags',
      quantity: 500,
      state: 'en_route',
      createdAt: '2026-12-07T02:00:00.000Z',
      createdBy: 'duty',
      updatedAt: '2026-12-07T02:00:00.000Z',
      updatedBy: 'duty',
      ...over,
    });
    const s = dispatchSection.build(
      [
        a({}),
        a({ id: 't', kind: 'team', item: 'people', quantity: 12, resourceId: '441702-rescue-team-01', state: 'on_scene' }),
        a({ id: 'f', kind: 'team', item: 'people', quantity: 8, state: 'done' }),
        a({ id: 'd', exercise: true }),
      ],
      W,
    );
    expect(figures(s)).toEqual({ assignments: 3, active: 2, people: 12 });
    const t = table(s, 'dispatch')!;
    expect(t.rows[0]).toMatchObject({ resource: '441702-warehouse-01', kind: 'material', item: 'sandbags', quantity: 500, target: '内涝积水', state: 'en_route' });
    expect(t.columns.find((c) => c.key === 'resource')!.labels!['441702-warehouse-01']).toEqual({ zh: '阳江市应急物资储备库', en: '阳江市应急物资储备库' });
    expect(table(s, 'dispatch.drill')!.rows).toHaveLength(1);
  });
});
