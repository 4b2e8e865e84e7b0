import type { WarningLevel } from '../schemas/common.js';
import type { AlertState } from '../schemas/alert.js';

/**
 * Minutes an unacknowledged alert waits before each escalation step, by level — the
 * product's own rule: the more severe, the sooner the duty chain is pulled in.
 */
export const ESCALATION_MINUTES: Record<WarningLevel, number> = { red: 5, orange: 10, yellow: 20, blue: 30 };

/** The last escalation step; an alert waiting longer stays at it. */
export const MAX_ESCALATION = 3;

/** What the escalation clock needs of an alert. */
export interface EscalationClock {
  level: WarningLevel;
  state: AlertState;
  /** When the alert was raised at its current level: the clock restarts when the level rises. */
  raisedAt: string;
  acknowledgedAt: string | null;
}

/** Where an alert stands on its escalation clock at one instant. */
export interface EscalationState {
  /** How long it has waited for acknowledgement (until its acknowledgement, once acknowledged). */
  waitedMs: number;
  /** Steps reached, 0 to MAX_ESCALATION. */
  step: number;
  /** When the next step falls due; null once acknowledged, ended or at the last step. */
  nextStepAt: string | null;
  /** Still unacknowledged past its level's first limit. */
  overdue: boolean;
}

/**
 * The escalation clock of one alert at `now`: the server's escalation job takes its steps from
 * it, and screens show the same "waited N min, step k of 3, next at …" without asking.
 */
export function escalationState(alert: EscalationClock, now: Date | number): EscalationState {
  const limitMs = ESCALATION_MINUTES[alert.level] * 60_000;
  const raised = Date.parse(alert.raisedAt);
  const waiting = alert.state === 'active';
  const until = waiting ? +now : alert.acknowledgedAt ? Date.parse(alert.acknowledgedAt) : raised;
  const waitedMs = Math.max(0, until - raised);
  const step = Math.min(Math.floor(waitedMs / limitMs), MAX_ESCALATION);
  return {
    waitedMs,
    step,
    nextStepAt: waiting && step < MAX_ESCALATION ? new Date(raised + (step + 1) * limitMs).toISOString() : null,
    overdue: waiting && step >= 1,
  };
}
