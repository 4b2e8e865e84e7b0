import type { PlanActivation, ResponseLevel, ResponsePlan } from '../../../../shared/schemas/plan.js';
import type { Alert } from '../../../../shared/schemas/alert.js';
import type { WarningLevel } from '../../../../shared/schemas/common.js';
import { planProgress, responseLevelFor, type PlanProgress } from '../../../../shared/domain/plans.js';
import { spanOf, type Span } from '../cases/countdown.js';

/** An activation with where it stands at one instant: what the desk and the wall draw. */
export interface PlanView {
  activation: PlanActivation;
  progress: PlanProgress;
}

/** Proposed first (they wait for a decision), then running ones with the most overdue steps, then newest. */
export function orderPlans(items: Iterable<PlanActivation>, now: number): PlanView[] {
  const rank = { proposed: 0, active: 1, ended: 2 } as const;
  return [...items]
    .filter((a) => a.state !== 'ended')
    .map((activation) => ({ activation, progress: planProgress(activation, now) }))
    .sort(
      (a, b) =>
        rank[a.activation.state] - rank[b.activation.state] ||
        b.progress.overdue - a.progress.overdue ||
        Date.parse(b.activation.proposedAt) - Date.parse(a.activation.proposedAt) ||
        a.activation.id.localeCompare(b.activation.id),
    );
}

/** A step's clock at `now`: time left before its limit, time past it, or none (done, or not started). */
export type StepClock = { state: 'none' } | { state: 'running' | 'overdue'; span: Span };

export function stepClock(step: PlanProgress['steps'][number], now: number): StepClock {
  if (step.done || step.dueAt === null) return { state: 'none' };
  return { state: step.overdue ? 'overdue' : 'running', span: spanOf(step.dueAt - now) };
}

/**
 * The response level a start by hand proposes: what the alert's level would start under the
 * plan (nearest end of its range when outside it), or without an alert the plan's lowest.
 */
export function suggestedLevel(plan: ResponsePlan, alertLevel: WarningLevel | null): ResponseLevel {
  return alertLevel ? responseLevelFor(plan, alertLevel) : plan.responseLevels[plan.levels.from]!;
}

/** The alerts a plan may be started for by hand: those in force, of the mode, newest first. */
export function alertsInForce<A extends Pick<Alert, 'id' | 'state' | 'sent'>>(alerts: Iterable<A>): A[] {
  return [...alerts].filter((a) => a.state === 'active' || a.state === 'acknowledged').sort((a, b) => b.sent.localeCompare(a.sent) || a.id.localeCompare(b.id));
}
