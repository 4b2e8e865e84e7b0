import { describe, expect, it } from 'vitest';
import { ESCALATION_MINUTES, MAX_ESCALATION, escalationState } from '../../../../shared/domain/escalation.js';

const T0 = Date.parse('2026-11-22T08:00:00+08:00');
const min = 60_000;
const red = { level: 'red' as const, state: 'active' as const, escalation: 0, sent: new Date(T0).toISOString(), acknowledgedAt: null };

describe('escalationState', () => {
  it('counts a red alert up one step every five minutes, to the third', () => {
    expect(ESCALATION_MINUTES.red).toBe(5);
    expect(escalationState(red, T0 + 4 * min)).toEqual({ waitedMs: 4 * min, step: 0, nextStepAt: T0 + 5 * min, overdue: false });
    expect(escalationState(red, T0 + 5 * min)).toEqual({ waitedMs: 5 * min, step: 1, nextStepAt: T0 + 10 * min, overdue: true });
    expect(escalationState(red, T0 + 16 * min)).toMatchObject({ step: MAX_ESCALATION, nextStepAt: null, overdue: true });
    expect(escalationState(red, T0 + 99 * min).step).toBe(MAX_ESCALATION);
  });

  it('paces each level by its own limit', () => {
    const blue = { ...red, level: 'blue' as const };
    expect(escalationState(blue, T0 + 29 * min)).toMatchObject({ step: 0, overdue: false, nextStepAt: T0 + 30 * min });
    expect(escalationState(blue, T0 + 30 * min)).toMatchObject({ step: 1, overdue: true });
  });

  it("counts from the cockpit's receipt when known, and never shows fewer steps than the server took", () => {
    expect(escalationState({ ...red, createdAt: new Date(T0 + 3 * min).toISOString() }, T0 + 5 * min)).toMatchObject({ waitedMs: 2 * min, step: 0 });
    expect(escalationState({ ...red, escalation: 2 }, T0 + min).step).toBe(2);
  });

  it('stops the clock at acknowledgement', () => {
    const acked = { ...red, state: 'acknowledged' as const, escalation: 1, acknowledgedAt: new Date(T0 + 7 * min).toISOString() };
    expect(escalationState(acked, T0 + 60 * min)).toEqual({ waitedMs: 7 * min, step: 1, nextStepAt: null, overdue: false });
  });
});
