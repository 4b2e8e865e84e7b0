import type { WarningLevel } from '../schemas/common.js';
import type { AlertCategory } from '../schemas/alert.js';
import type { PlanActivation, PlanStep, ResponseLevel, ResponsePlan } from '../schemas/plan.js';
import { WARNING_LEVELS } from './warning.js';

/** What plan matching needs of an alert. */
export interface PlanAlert {
  category: AlertCategory;
  level: WarningLevel;
}

const rank = (l: WarningLevel) => WARNING_LEVELS[l].rank;

/** Whether `plan` answers `alert`: one of its categories, and a level within its range. */
export function planMatches(plan: ResponsePlan, alert: PlanAlert): boolean {
  const r = rank(alert.level);
  return plan.categories.includes(alert.category) && r >= rank(plan.levels.from) && r <= rank(plan.levels.to);
}

/** The plans of a pack that answer `alert`, in pack order. */
export function matchingPlans(plans: readonly ResponsePlan[], alert: PlanAlert): ResponsePlan[] {
  return plans.filter((p) => planMatches(p, alert));
}

/**
 * The response level an alert level starts under `plan`. A level outside the plan's range
 * (an alert lowered below it, or raised above it after the plan started) keeps the nearest
 * end of the range: a running response is moved, never silently dropped.
 */
export function responseLevelFor(plan: ResponsePlan, level: WarningLevel): ResponseLevel {
  const r = Math.min(Math.max(rank(level), rank(plan.levels.from)), rank(plan.levels.to));
  const inRange = (Object.keys(WARNING_LEVELS) as WarningLevel[]).find((l) => rank(l) === r)!;
  return plan.responseLevels[inRange]!;
}

/** Whether `plan` starts by itself at alert level `level` (the plan's `autoActivate`). */
export function activatesAutomatically(plan: ResponsePlan, level: WarningLevel): boolean {
  return plan.autoActivate.includes(level);
}

/** Ⅰ is the highest: positive when `a` is higher than `b`. */
export function compareResponseLevels(a: ResponseLevel, b: ResponseLevel): number {
  const order: ResponseLevel[] = ['IV', 'III', 'II', 'I'];
  return order.indexOf(a) - order.indexOf(b);
}

/** When a step falls due: the response's start plus the step's limit. */
export function stepDueAt(startedAt: string, step: Pick<PlanStep, 'limitMinutes'>): number {
  return Date.parse(startedAt) + step.limitMinutes * 60_000;
}

/** One step of a running response as the checklist shows it. */
export interface StepProgress {
  step: PlanStep;
  done: boolean;
  /** Epoch ms the step falls due; null before the response started. */
  dueAt: number | null;
  /** Past its limit and not done, while the response runs. */
  overdue: boolean;
}

/** Where a response stands at `now`: each step, and the counts the desk and the wall show. */
export interface PlanProgress {
  steps: StepProgress[];
  done: number;
  total: number;
  overdue: number;
}

/**
 * The progress of an activation at `now`. A step is overdue when the response runs, its
 * limit (start + limitMinutes) has passed and it is not done; a proposed or ended response
 * has no overdue steps.
 */
export function planProgress(a: Pick<PlanActivation, 'plan' | 'steps' | 'state' | 'startedAt'>, now: number): PlanProgress {
  const done = new Set(a.steps.filter((s) => s.done).map((s) => s.stepId));
  const steps = a.plan.steps.map((step): StepProgress => {
    const dueAt = a.startedAt ? stepDueAt(a.startedAt, step) : null;
    const isDone = done.has(step.id);
    return { step, done: isDone, dueAt, overdue: a.state === 'active' && !isDone && dueAt !== null && dueAt < now };
  });
  return { steps, done: steps.filter((s) => s.done).length, total: steps.length, overdue: steps.filter((s) => s.overdue).length };
}
