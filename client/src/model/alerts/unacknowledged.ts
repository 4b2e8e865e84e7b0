import type { Alert } from '../../../../shared/schemas/alert.js';
import { escalationState } from '../../../../shared/domain/escalation.js';

/** An alert waiting for acknowledgement past its limit, and how long it has waited. */
export interface OverdueAlert {
  alert: Alert;
  waitedMs: number;
  step: number;
}

/**
 * The alerts nobody has acknowledged past their level's limit (or that the server already
 * escalated, whatever this clock says), longest-waiting first: what the leaders' wall calls out.
 */
export function overdueUnacknowledged(alerts: Iterable<Alert>, now: number): OverdueAlert[] {
  const out: OverdueAlert[] = [];
  for (const alert of alerts) {
    if (alert.state !== 'active') continue;
    const s = escalationState(alert, now);
    if (s.overdue || alert.escalation >= 1) out.push({ alert, waitedMs: s.waitedMs, step: Math.max(s.step, alert.escalation) });
  }
  return out.sort((a, b) => b.waitedMs - a.waitedMs || a.alert.id.localeCompare(b.alert.id));
}
