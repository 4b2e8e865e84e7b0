import type { Resource } from '../schemas/city-pack.js';
import { ASSIGNMENT_STATES, type Assignment, type AssignmentKind, type AssignmentState } from '../schemas/dispatch.js';

/** The ledger item of a team (its people) and of a shelter (its occupancy); a warehouse's items are its material codes. */
export const PEOPLE = 'people';
export const OCCUPANCY = 'occupancy';

/** What assigning a resource of this type means: sending a team, issuing material, or opening a shelter. */
export function assignmentKindOf(type: Resource['type']): AssignmentKind {
  if (type === 'warehouse') return 'material';
  if (type === 'shelter') return 'shelter';
  return 'team';
}

/** The ledger item an assignment of `kind` counts (`material` for a warehouse). */
export function ledgerItem(kind: AssignmentKind, material?: string): string {
  return kind === 'team' ? PEOPLE : kind === 'shelter' ? OCCUPANCY : (material ?? '');
}

/** How much of `item` the resource holds in all (the city pack's figure), or null when it holds none of it. */
export function ledgerTotal(resource: Pick<Resource, 'capacity' | 'materials'>, item: string): number | null {
  if (item === PEOPLE || item === OCCUPANCY) return resource.capacity ?? null;
  return resource.materials?.[item] ?? null;
}

/** Whether an assignment in this state still holds what it was given (people, stock, occupancy). */
export function isActive(state: AssignmentState): boolean {
  return state !== 'done' && state !== 'cancelled';
}

/** Whether an assignment may move from `from` to `to`: forward only, cancelling from any active state. */
export function canMove(from: AssignmentState, to: AssignmentState): boolean {
  if (!isActive(from)) return false;
  if (to === 'cancelled') return true;
  return ASSIGNMENT_STATES.indexOf(to) > ASSIGNMENT_STATES.indexOf(from);
}

/** One item of a resource: all of it, what active assignments hold, and what is free. */
export interface ItemUsage {
  total: number;
  committed: number;
  free: number;
}

/** What a resource has out: per item, and how many active assignments hold it. */
export interface ResourceUsage {
  items: Record<string, ItemUsage>;
  assignments: number;
}

/**
 * What is committed and what is free, per resource, from the pack's figures and the active
 * assignments of one mode (real or drill — never both): the map's resources layer and the
 * 应急资源 panel read it from the live assignments, the server's ledger keeps the same sums.
 */
export function resourceUsage(resources: readonly Resource[], assignments: Iterable<Assignment>, exercise: boolean): Map<string, ResourceUsage> {
  const byId = new Map(resources.map((r) => [r.id, r]));
  const out = new Map<string, ResourceUsage>();
  for (const a of assignments) {
    const r = byId.get(a.resourceId);
    if (!r || a.exercise !== exercise || !isActive(a.state)) continue;
    const u = out.get(r.id) ?? { items: {}, assignments: 0 };
    const total = ledgerTotal(r, a.item) ?? 0;
    const it = u.items[a.item] ?? { total, committed: 0, free: total };
    it.committed += a.quantity;
    it.free = Math.max(0, total - it.committed);
    u.items[a.item] = it;
    u.assignments++;
    out.set(r.id, u);
  }
  return out;
}

/** A plan step's dispatch target id: `<activation id>:<step id>` (a step id never holds a colon). */
export function planStepTargetId(activationId: string, stepId: string): string {
  return `${activationId}:${stepId}`;
}
