import type { CaseStatus } from '../schemas/grid-event.js';
import { can, casePermission, isRole, type Role } from '../auth/policy.js';
import { toDate, type Instant } from './time.js';

export type { CaseStatus } from '../schemas/grid-event.js';

/** Named steps of the case workflow. */
export type CaseAction = 'register' | 'reject' | 'dispatch' | 'start' | 'feedback' | 'close' | 'send_back' | 'evaluate';

/** Actors that are not people: `source` (a syncing integration) and `system` (automation). */
export type MachineActor = 'source' | 'system';

/** Who may take a lifecycle step: a user role (shared/auth/policy.ts) or a machine actor. */
export type LifecycleRole = Role | MachineActor;

/**
 * The workflow as data. Which user roles may take each step is the permission policy's
 * (`case:<action>` in shared/auth/policy.ts); which machine actors may, is here:
 *
 * | action | from → to | machine actors | why |
 * |---|---|---|---|
 * | register 案卷建立 | reported → registered | source, system | automation may accept trusted feeds |
 * | reject 不予立案 | reported → rejected | source, system | automation drops duplicates |
 * | dispatch 任务派遣 | registered → dispatched | source, system | automation may dispatch by category rule |
 * | start 任务处理 | dispatched → in_progress | source | recorded for the department |
 * | feedback 处理反馈 | in_progress → feedback | source | as start |
 * | close 核查结案 | feedback → closed | source | the integration's own verification |
 * | send_back 退回 | feedback → in_progress | — | integrations only move cases forward |
 * | evaluate 综合评价 | closed → evaluated | source, system | evaluation may be scored automatically |
 *
 * A grid administrator acts only on cases in its districts, which the caller checks
 * against the case's district (shared/auth/districts.ts).
 */
export const CASE_ACTIONS: Record<CaseAction, { from: CaseStatus; to: CaseStatus; machines: readonly MachineActor[] }> = {
  register: { from: 'reported', to: 'registered', machines: ['source', 'system'] },
  reject: { from: 'reported', to: 'rejected', machines: ['source', 'system'] },
  dispatch: { from: 'registered', to: 'dispatched', machines: ['source', 'system'] },
  start: { from: 'dispatched', to: 'in_progress', machines: ['source'] },
  feedback: { from: 'in_progress', to: 'feedback', machines: ['source'] },
  close: { from: 'feedback', to: 'closed', machines: ['source'] },
  send_back: { from: 'feedback', to: 'in_progress', machines: [] },
  evaluate: { from: 'closed', to: 'evaluated', machines: ['source', 'system'] },
};

/** Whether `role` may take `action` at all (whatever the case's status). */
export function mayTake(role: LifecycleRole, action: CaseAction): boolean {
  return isRole(role) ? can({ role }, casePermission(action)) : CASE_ACTIONS[action].machines.includes(role);
}

/** The backward step, excluded from forward paths. */
const BACKWARD: ReadonlySet<CaseAction> = new Set(['send_back']);

export type TransitionResult = { ok: true; to: CaseStatus } | { ok: false; code: 'forbidden' | 'invalid_transition'; reason: string };

/** Checks one action by one role on a case in status `from`. */
export function transition(from: CaseStatus, action: CaseAction, role: LifecycleRole): TransitionResult {
  const step = CASE_ACTIONS[action];
  if (!mayTake(role, action)) return { ok: false, code: 'forbidden', reason: `role ${role} may not ${action} a case` };
  if (step.from !== from) return { ok: false, code: 'invalid_transition', reason: `cannot ${action} a case that is ${from} (needs ${step.from})` };
  return { ok: true, to: step.to };
}

/** Actions `role` may take on a case in status `status` (for buttons). */
export function actionsFor(status: CaseStatus, role: LifecycleRole): CaseAction[] {
  return (Object.keys(CASE_ACTIONS) as CaseAction[]).filter((a) => transition(status, a, role).ok);
}

/**
 * The statuses a case passes through moving forward from `from` to `to`, excluding `from`
 * and including `to` (so an integrator's jump reported → dispatched fills the timeline with
 * registered, dispatched). `[]` when equal; null when `to` is not ahead of `from`.
 */
export function pathTo(from: CaseStatus, to: CaseStatus): CaseStatus[] | null {
  if (from === to) return [];
  const forward = Object.entries(CASE_ACTIONS).filter(([a]) => !BACKWARD.has(a as CaseAction));
  const queue: CaseStatus[][] = [[from]];
  while (queue.length > 0) {
    const path = queue.shift()!;
    for (const [, step] of forward) {
      if (step.from !== path[path.length - 1]) continue;
      const next = [...path, step.to];
      if (step.to === to) return next.slice(1);
      queue.push(next);
    }
  }
  return null;
}

/** Whether `to` lies strictly ahead of `from` on the forward workflow. */
export function canReach(from: CaseStatus, to: CaseStatus): boolean {
  return from !== to && pathTo(from, to) !== null;
}

/** Deadline of a dispatched case: dispatch time plus the category's hours (calendar hours). */
export function deadlineAt(dispatchedAt: Instant, deadlineHours: number): Date {
  if (!Number.isFinite(deadlineHours) || deadlineHours <= 0) throw new RangeError(`invalid deadline hours: ${deadlineHours}`);
  return new Date(toDate(dispatchedAt).getTime() + deadlineHours * 3_600_000);
}

/** Statuses in which the department has done its part: the deadline no longer runs. */
const DEADLINE_MET: ReadonlySet<CaseStatus> = new Set(['feedback', 'closed', 'evaluated', 'rejected']);

/** Past its deadline (strictly) and not yet in feedback, closed or evaluated. No deadline, never overdue. */
export function isOverdue(c: { status: CaseStatus; deadlineAt: Instant | null | undefined }, now: Instant): boolean {
  if (c.deadlineAt === null || c.deadlineAt === undefined || DEADLINE_MET.has(c.status)) return false;
  return toDate(now).getTime() > toDate(c.deadlineAt).getTime();
}

/** 结案: closed or evaluated. */
export function isClosedStatus(status: CaseStatus): boolean {
  return status === 'closed' || status === 'evaluated';
}

/** Still being worked: neither closed, evaluated nor rejected. */
export function isOpen(status: CaseStatus): boolean {
  return !isClosedStatus(status) && status !== 'rejected';
}

/** Open311 GeoReport status derived from the lifecycle. */
export function open311Status(status: CaseStatus): 'open' | 'closed' {
  return isOpen(status) ? 'open' : 'closed';
}
