import { describe, expect, it } from 'vitest';
import {
  actionBetween,
  actionsFor,
  canReach,
  deadlineAt,
  isClosedStatus,
  isOpen,
  isOverdue,
  open311Status,
  pathTo,
  transition,
  type CaseAction,
  type CaseStatus,
  type LifecycleRole,
} from '../../../../shared/domain/lifecycle.js';

const STEPS: [CaseStatus, CaseAction, CaseStatus][] = [
  ['reported', 'register', 'registered'],
  ['reported', 'reject', 'rejected'],
  ['registered', 'dispatch', 'dispatched'],
  ['dispatched', 'start', 'in_progress'],
  ['in_progress', 'feedback', 'feedback'],
  ['feedback', 'close', 'closed'],
  ['feedback', 'send_back', 'in_progress'],
  ['closed', 'evaluate', 'evaluated'],
];

describe('transition', () => {
  it.each(STEPS)('%s --%s--> %s for admin', (from, action, to) => {
    expect(transition(from, action, 'admin')).toEqual({ ok: true, to });
  });

  it('refuses an action from the wrong status as invalid_transition', () => {
    const r = transition('reported', 'close', 'duty');
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(transition('evaluated', 'send_back', 'duty').ok).toBe(false);
    expect(transition('rejected', 'register', 'duty').ok).toBe(false);
  });

  it('lets leaders watch but never act', () => {
    for (const [from, action] of STEPS) expect(transition(from, action, 'leader')).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('follows the role table', () => {
    const allowed: Record<LifecycleRole, CaseAction[]> = {
      leader: [],
      duty: ['register', 'reject', 'dispatch', 'start', 'feedback', 'close', 'send_back', 'evaluate'],
      admin: ['register', 'reject', 'dispatch', 'start', 'feedback', 'close', 'send_back', 'evaluate'],
      grid: ['register', 'reject', 'start', 'feedback'],
      source: ['register', 'reject', 'dispatch', 'start', 'feedback', 'close', 'evaluate'],
      system: ['register', 'reject', 'dispatch', 'evaluate'],
    };
    for (const [role, actions] of Object.entries(allowed) as [LifecycleRole, CaseAction[]][]) {
      for (const [from, action] of STEPS) {
        expect(transition(from, action, role).ok, `${role} ${action}`).toBe(actions.includes(action));
      }
    }
  });

  it('does not let a grid administrator dispatch or close', () => {
    expect(transition('registered', 'dispatch', 'grid')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(transition('feedback', 'close', 'grid')).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('supervise (督办) and merge', () => {
  const open: CaseStatus[] = ['reported', 'registered', 'dispatched', 'in_progress', 'feedback'];

  it('supervise keeps the status of any open case; merge closes it', () => {
    for (const s of open) {
      expect(transition(s, 'supervise', 'duty')).toEqual({ ok: true, to: s });
      expect(transition(s, 'merge', 'duty')).toEqual({ ok: true, to: 'closed' });
    }
  });

  it('refuses both on finished cases', () => {
    for (const s of ['closed', 'evaluated', 'rejected'] as const) {
      expect(transition(s, 'supervise', 'admin')).toMatchObject({ ok: false, code: 'invalid_transition' });
      expect(transition(s, 'merge', 'admin')).toMatchObject({ ok: false, code: 'invalid_transition' });
    }
  });

  it('leaves them to the command centre: no grid administrator, leader or machine', () => {
    for (const role of ['grid', 'leader', 'source', 'system'] as const) {
      expect(transition('dispatched', 'supervise', role)).toMatchObject({ ok: false, code: 'forbidden' });
      expect(transition('dispatched', 'merge', role)).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('keeps them off the forward path an integrator jumps along', () => {
    expect(pathTo('reported', 'closed')).toEqual(['registered', 'dispatched', 'in_progress', 'feedback', 'closed']);
    expect(actionBetween('dispatched', 'closed')).toBeNull();
    expect(actionBetween('registered', 'dispatched')).toBe('dispatch');
    expect(actionBetween('feedback', 'in_progress')).toBeNull();
  });
});

describe('actionsFor', () => {
  it('lists what a role can do now', () => {
    expect(actionsFor('feedback', 'duty')).toEqual(['close', 'send_back', 'supervise', 'merge']);
    expect(actionsFor('reported', 'grid')).toEqual(['register', 'reject']);
    expect(actionsFor('closed', 'duty')).toEqual(['evaluate']);
    expect(actionsFor('reported', 'leader')).toEqual([]);
    expect(actionsFor('evaluated', 'admin')).toEqual([]);
  });
});

describe('pathTo / canReach', () => {
  it('fills the forward path for an integrator jump', () => {
    expect(pathTo('reported', 'dispatched')).toEqual(['registered', 'dispatched']);
    expect(pathTo('reported', 'evaluated')).toEqual(['registered', 'dispatched', 'in_progress', 'feedback', 'closed', 'evaluated']);
    expect(pathTo('reported', 'rejected')).toEqual(['rejected']);
    expect(pathTo('in_progress', 'closed')).toEqual(['feedback', 'closed']);
  });

  it('is empty for the same status and null backwards or across branches', () => {
    expect(pathTo('dispatched', 'dispatched')).toEqual([]);
    expect(pathTo('feedback', 'in_progress')).toBeNull();
    expect(pathTo('closed', 'reported')).toBeNull();
    expect(pathTo('registered', 'rejected')).toBeNull();
    expect(pathTo('rejected', 'registered')).toBeNull();
  });

  it('canReach is strict and forward only', () => {
    expect(canReach('reported', 'closed')).toBe(true);
    expect(canReach('closed', 'closed')).toBe(false);
    expect(canReach('feedback', 'in_progress')).toBe(false);
    expect(canReach('evaluated', 'closed')).toBe(false);
  });
});

describe('deadlines', () => {
  it('adds the category hours to the dispatch time', () => {
    expect(deadlineAt('2026-06-01T10:00:00+08:00', { deadlineHours: 48 }).toISOString()).toBe('2026-06-03T02:00:00.000Z');
    expect(deadlineAt(new Date('2026-06-01T00:00:00Z'), { deadlineHours: 0.5, clock: 'natural' }).toISOString()).toBe('2026-06-01T00:30:00.000Z');
    expect(() => deadlineAt('2026-06-01T00:00:00Z', { deadlineHours: 0 })).toThrow(RangeError);
  });

  it('counts working hours of the calendar for a working-hours category', () => {
    const calendar = {
      utcOffsetMinutes: 480,
      workdays: [1, 2, 3, 4, 5],
      hours: [
        ['08:30', '12:00'],
        ['14:00', '17:30'],
      ] as Array<[string, string]>,
      holidays: ['2026-06-19'],
      workingDays: [],
    };
    // Thu 18 Jun 16:00–17:30, 端午 Fri 19 Jun off, the weekend, then Mon 22 Jun 08:30–11:00.
    expect(deadlineAt('2026-06-18T16:00:00+08:00', { deadlineHours: 4, clock: 'working' }, calendar).toISOString()).toBe('2026-06-22T03:00:00.000Z');
    expect(deadlineAt('2026-06-18T16:00:00+08:00', { deadlineHours: 4, clock: 'natural' }, calendar).toISOString()).toBe('2026-06-18T12:00:00.000Z');
    expect(() => deadlineAt('2026-06-18T16:00:00+08:00', { deadlineHours: 4, clock: 'working' })).toThrow(/needs the city calendar/);
  });

  it('is overdue only strictly past the deadline and before feedback', () => {
    const deadline = '2026-06-01T12:00:00Z';
    expect(isOverdue({ status: 'dispatched', deadlineAt: deadline }, '2026-06-01T12:00:00Z')).toBe(false);
    expect(isOverdue({ status: 'dispatched', deadlineAt: deadline }, '2026-06-01T12:00:01Z')).toBe(true);
    expect(isOverdue({ status: 'in_progress', deadlineAt: new Date(deadline) }, new Date('2026-06-02T00:00:00Z'))).toBe(true);
    for (const status of ['feedback', 'closed', 'evaluated'] as const) {
      expect(isOverdue({ status, deadlineAt: deadline }, '2026-06-05T00:00:00Z')).toBe(false);
    }
    expect(isOverdue({ status: 'registered', deadlineAt: null }, '2026-06-05T00:00:00Z')).toBe(false);
  });
});

describe('status helpers', () => {
  it('knows open and closed statuses', () => {
    expect(['reported', 'registered', 'dispatched', 'in_progress', 'feedback'].every((s) => isOpen(s as CaseStatus))).toBe(true);
    expect(isOpen('closed') || isOpen('evaluated') || isOpen('rejected')).toBe(false);
    expect(isClosedStatus('closed') && isClosedStatus('evaluated')).toBe(true);
    expect(isClosedStatus('rejected')).toBe(false);
    expect(open311Status('feedback')).toBe('open');
    expect(open311Status('rejected')).toBe('closed');
  });
});
