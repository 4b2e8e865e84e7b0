import { describe, expect, it } from 'vitest';
import { ESCALATION_MINUTES, MAX_ESCALATION, escalationState, type EscalationClock } from '../../../../shared/domain/escalation.js';

const raisedAt = '2026-09-01T00:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(raisedAt) + minutes * 60_000);
const red: EscalationClock = { level: 'red', state: 'active', raisedAt, acknowledgedAt: null };

describe('escalationState', () => {
  it('waits without a step until the level limit, then counts steps from the time raised', () => {
    expect(escalationState(red, at(4.9))).toEqual({ waitedMs: 4.9 * 60_000, step: 0, nextStepAt: at(5).toISOString(), overdue: false });
    expect(escalationState(red, at(5))).toMatchObject({ step: 1, nextStepAt: at(10).toISOString(), overdue: true });
    expect(escalationState(red, at(11))).toMatchObject({ step: 2, nextStepAt: at(15).toISOString() });
  });

  it('stops at the last step with no next one', () => {
    expect(escalationState(red, at(60))).toEqual({ waitedMs: 3_600_000, step: MAX_ESCALATION, nextStepAt: null, overdue: true });
  });

  it('gives each level its own limit', () => {
    for (const level of ['orange', 'yellow', 'blue'] as const) {
      const limit = ESCALATION_MINUTES[level];
      expect(escalationState({ ...red, level }, at(limit - 1)).overdue).toBe(false);
      expect(escalationState({ ...red, level }, at(limit)).step).toBe(1);
    }
    expect(ESCALATION_MINUTES.red).toBeLessThan(ESCALATION_MINUTES.blue);
  });

  it('stops the clock at the acknowledgement', () => {
    const acked = escalationState({ ...red, state: 'acknowledged', acknowledgedAt: at(7).toISOString() }, at(30));
    expect(acked).toEqual({ waitedMs: 7 * 60_000, step: 1, nextStepAt: null, overdue: false });
  });

  it('is not overdue once cancelled or expired', () => {
    expect(escalationState({ ...red, state: 'cancelled' }, at(30))).toMatchObject({ overdue: false, nextStepAt: null, step: 0 });
    expect(escalationState({ ...red, state: 'expired' }, at(30)).overdue).toBe(false);
  });
});
