import type { CaseStatus } from '../schemas/grid-event.js';
import { can, casePermission, isRole, type Role } from '../auth/policy.js';
import { toDate, type Instant } from './time.js';
import { addClockHours, type DeadlineClock, type WorkCalendar } from './work-calendar.js';

export type { CaseStatus } from '../schemas/grid-event.js';

/** Named steps of the case workflow. */
export type CaseAction = 'register' | 'reject' | 'dispatch' | 'start' | 'feedback' | 'close' | 'send_back' | 'evaluate' | 'supervise' | 'merge';

/** Actors that are not people: `source` (a syncing integration) and `system` (automation). */
export type MachineActor = 'source' | 'system';

/** Who may take a lifecycle step: a user role (shared/auth/policy.ts) or a machine actor. */
export type LifecycleRole = Role | MachineActor;

/** Statuses of a case still being worked (see {@link isOpen}); supervise and merge act on any of them. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['reported', 'registered', 'dispatched', 'in_progress', 'feedback'];

/** One step of the workflow: from which statuses, to which (null: the status stays), who besides people. */
export interface CaseStep {
  from: readonly CaseStatus[];
  to: CaseStatus | null;
  machines: readonly MachineActor[];
  /** On the forward path an integrator may jump along (see {@link pathTo}). */
  forward: boolean;
}

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
 * | supervise 督办 | any open → unchanged | — | a person of the command centre answers for it |
 * | merge 合并 | any open → closed (duplicate) | — | a person judges two reports one problem |
 *
 * send_back, supervise and merge are off the forward path: an integrator's jump never goes
 * backwards, never supervises, and never closes a case as a duplicate.
 * A grid administrator acts only on cases in its districts, which the caller checks
 * against the case's district (shared/auth/districts.ts).
 */
export const CASE_ACTIONS: Record<CaseAction, CaseStep> = {
  register: { from: ['reported'], to: 'registered', machines: ['source', 'system'], forward: true },
  reject: { from: ['reported'], to: 'rejected', machines: ['source', 'system'], forward: true },
  dispatch: { from: ['registered'], to: 'dispatched', machines: ['source', 'system'], forward: true },
  start: { from: ['dispatched'], to: 'in_progress', machines: ['source'], forward: true },
  feedback: { from: ['in_progress'], to: 'feedback', machines: ['source'], forward: true },
  close: { from: ['feedback'], to: 'closed', machines: ['source'], forward: true },
  send_back: { from: ['feedback'], to: 'in_progress', machines: [], forward: false },
  evaluate: { from: ['closed'], to: 'evaluated', machines: ['source', 'system'], forward: true },
  supervise: { from: OPEN_STATUSES, to: null, machines: [], forward: false },
  merge: { from: OPEN_STATUSES, to: 'closed', machines: [], forward: false },
};

/** Every case action, in the table's order (for request schemas and menus). */
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as [CaseAction, ...CaseAction[]];

/** Whether `role` may take `action` at all (whatever the case's status). */
export function mayTake(role: LifecycleRole, action: CaseAction): boolean {
  return isRole(role) ? can({ role }, casePermission(action)) : CASE_ACTIONS[action].machines.includes(role);
}

export type TransitionResult = { ok: true; to: CaseStatus } | { ok: false; code: 'forbidden' | 'invalid_transition'; reason: string };

/** Checks one action by one role on a case in status `from`. */
export function transition(from: CaseStatus, action: CaseAction, role: LifecycleRole): TransitionResult {
  const step = CASE_ACTIONS[action];
  if (!mayTake(role, action)) return { ok: false, code: 'forbidden', reason: `role ${role} may not ${action} a case` };
  if (!step.from.includes(from)) return { ok: false, code: 'invalid_transition', reason: `cannot ${action} a case that is ${from} (needs ${step.from.join(' or ')})` };
  return { ok: true, to: step.to ?? from };
}

/** Actions `role` may take on a case in status `status` (for buttons). */
export function actionsFor(status: CaseStatus, role: LifecycleRole): CaseAction[] {
  return CASE_ACTION_NAMES.filter((a) => transition(status, a, role).ok);
}

/**
 * The statuses a case passes through moving forward from `from` to `to`, excluding `from`
 * and including `to` (so an integrator's jump reported → dispatched fills the timeline with
 * registered, dispatched). `[]` when equal; null when `to` is not ahead of `from`.
 */
export function pathTo(from: CaseStatus, to: CaseStatus): CaseStatus[] | null {
  if (from === to) return [];
  const forward = Object.values(CASE_ACTIONS).filter((s) => s.forward);
  const queue: CaseStatus[][] = [[from]];
  while (queue.length > 0) {
    const path = queue.shift()!;
    for (const step of forward) {
      if (!step.to || !step.from.includes(path[path.length - 1]!)) continue;
      const next = [...path, step.to];
      if (step.to === to) return next.slice(1);
      queue.push(next);
    }
  }
  return null;
}

/** The forward action that takes a case from `from` to `to` in one step (what an integrator's jump did at each step). */
export function actionBetween(from: CaseStatus, to: CaseStatus): CaseAction | null {
  return CASE_ACTION_NAMES.find((a) => CASE_ACTIONS[a].forward && CASE_ACTIONS[a].to === to && CASE_ACTIONS[a].from.includes(from)) ?? null;
}

/** Whether `to` lies strictly ahead of `from` on the forward workflow. */
export function canReach(from: CaseStatus, to: CaseStatus): boolean {
  return from !== to && pathTo(from, to) !== null;
}

/**
 * Deadline of a dispatched case: dispatch time plus the category's hours on its clock —
 * natural hours, or working hours of the city's calendar (a working-hours category needs one).
 */
export function deadlineAt(dispatchedAt: Instant, category: { deadlineHours: number; clock?: DeadlineClock }, calendar?: WorkCalendar): Date {
  const { deadlineHours, clock = 'natural' } = category;
  if (!Number.isFinite(deadlineHours) || deadlineHours <= 0) throw new RangeError(`invalid deadline hours: ${deadlineHours}`);
  const start = toDate(dispatchedAt);
  if (calendar) return addClockHours(clock, calendar, start, deadlineHours);
  if (clock === 'working') throw new RangeError('a working-hours deadline needs the city calendar');
  return new Date(start.getTime() + deadlineHours * 3_600_000);
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
  return OPEN_STATUSES.includes(status);
}

/** Open311 GeoReport status derived from the lifecycle. */
export function open311Status(status: CaseStatus): 'open' | 'closed' {
  return isOpen(status) ? 'open' : 'closed';
}
