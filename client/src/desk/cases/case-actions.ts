import type { Role } from '../../../../shared/auth/policy.js';
import { inDistricts, ownDistricts } from '../../../../shared/auth/districts.js';
import { actionsFor, type CaseAction } from '../../../../shared/domain/lifecycle.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';

/** What the desk can do to a case: a lifecycle step, 督办 or merging it into its master. */
export type DeskAction = CaseAction | 'supervise' | 'merge';

/** The signed-in user as far as the policy needs it. */
export interface Actor {
  role: Role;
  districts: readonly string[] | null;
}

/** What each action's form asks for. `note: 'required'` refuses to send without one. */
export interface ActionFields {
  note: 'required' | 'optional';
  department?: true;
  assignee?: true;
  photoUrl?: true;
  dueAt?: true;
  master?: true;
}

/**
 * The form of each action. Why the notes are required where they are: a rejection, a closing
 * (Open311 reports it in `status_notes`), a send-back (返工: the department must know why) and a
 * 督办 are read by someone else later; the other steps speak for themselves.
 */
export const ACTION_FIELDS: Readonly<Record<DeskAction, ActionFields>> = {
  register: { note: 'optional' },
  reject: { note: 'required' },
  dispatch: { note: 'optional', department: true, assignee: true },
  start: { note: 'optional' },
  feedback: { note: 'optional', photoUrl: true },
  close: { note: 'required' },
  send_back: { note: 'required' },
  evaluate: { note: 'optional' },
  supervise: { note: 'required', dueAt: true },
  merge: { note: 'optional', master: true },
};

/** Whether `user` may act on a case of `district` at all (the district rule: a grid user only in its own). */
export function mayActIn(user: Actor, district: string | null): boolean {
  return inDistricts(ownDistricts(user), [district]);
}

/**
 * What the desk offers `user` on `c`: the steps the state machine and the policy allow from its
 * status (督办 and merge among them, on an open case for those granted them), in the workflow's
 * order. The server checks the same again; the desk only never offers what would be refused.
 */
export function offeredActions(user: Actor | null, c: GridCase): DeskAction[] {
  if (!user || !mayActIn(user, c.district)) return [];
  return actionsFor(c.status, user.role);
}

/** The actions a selection can take together: those offered on every selected case (merge and 督办 are one at a time). */
export function bulkActions(user: Actor | null, cases: readonly GridCase[]): CaseAction[] {
  if (cases.length === 0) return [];
  const [first, ...rest] = cases.map((c) => offeredActions(user, c).filter((a): a is CaseAction => a !== 'supervise' && a !== 'merge'));
  return first!.filter((a) => rest.every((r) => r.includes(a)));
}
