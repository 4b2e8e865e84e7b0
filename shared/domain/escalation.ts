import type { WarningLevel } from '../schemas/common.js';
import type { Alert } from '../schemas/alert.js';

/**
 * Minutes an unacknowledged alert waits before each escalation step, by level — the
 * product's own rule: the more severe, the sooner the duty chain is pulled in.
 */
export const ESCALATION_MINUTES: Record<WarningLevel, number> = { red: 5, orange: 10, yellow: 20, blue: 30 };
export const MAX_ESCALATION = 3;

/**
 * What the escalation clock needs of an alert. `createdAt` is when the cockpit received it
 * (the server's record has it); a client copy without it counts from `sent`.
 */
export type EscalationSubject = Pick<Alert, 'level' | 'state' | 'escalation' | 'sent' | 'acknowledgedAt'> & { createdAt?: string };

/** Where an alert stands on its escalation ladder at one moment. */
export interface EscalationState {
  /** How long it has waited for acknowledgement (until acknowledged, for an acknowledged one). */
  waitedMs: number;
  /** Steps taken, 0…{@link MAX_ESCALATION}: the server's count, or the clock's when the sweep has not run yet. */
  step: number;
  /** When the next step falls due (ms since epoch); null when acknowledged, ended or at the last step. */
  nextStepAt: number | null;
  /** Unacknowledged past its level's limit. */
  overdue: boolean;
}

/** The escalation state of `alert` at `now` (ms since epoch). */
export function escalationState(alert: EscalationSubject, now: number): EscalationState {
  const start = Date.parse(alert.createdAt ?? alert.sent);
  const limitMs = ESCALATION_MINUTES[alert.level] * 60_000;
  if (alert.state !== 'active') {
    const end = alert.acknowledgedAt ? Date.parse(alert.acknowledgedAt) : now;
    return { waitedMs: Math.max(0, end - start), step: alert.escalation, nextStepAt: null, overdue: false };
  }
  const waitedMs = Math.max(0, now - start);
  const step = Math.max(alert.escalation, Math.min(Math.floor(waitedMs / limitMs), MAX_ESCALATION));
  return { waitedMs, step, nextStepAt: step < MAX_ESCALATION ? start + (step + 1) * limitMs : null, overdue: waitedMs >= limitMs };
}
