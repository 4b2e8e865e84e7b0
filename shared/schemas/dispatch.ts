import { z } from 'zod';

/** What an assignment is for: an alert, a case, or a step of an activated response plan. */
export const dispatchTargetKind = z.enum(['alert', 'case', 'plan_step']);
export type DispatchTargetKind = z.infer<typeof dispatchTargetKind>;

/**
 * An assignment's state (已派出 → 在途 → 到场 → 完成, or 已取消). It only moves forward; `done`
 * and `cancelled` are final and give back what the assignment held.
 */
export const ASSIGNMENT_STATES = ['assigned', 'en_route', 'on_scene', 'done', 'cancelled'] as const;
export const assignmentState = z.enum(ASSIGNMENT_STATES);
export type AssignmentState = z.infer<typeof assignmentState>;

/** What is assigned: a team (people), warehouse material (a quantity of one item), or a shelter opened (its occupancy). */
export const assignmentKind = z.enum(['team', 'material', 'shelter']);
export type AssignmentKind = z.infer<typeof assignmentKind>;

const id = z.string().trim().min(1).max(200);
const note = z.string().trim().max(500).optional();

/** Body of `POST /api/v1/dispatch/assignments`. */
export const assignInput = z.object({
  target: z.object({ kind: dispatchTargetKind, id }),
  resourceId: id,
  /** A material code of the warehouse's stock (`sandbags` …); only for a warehouse. */
  material: z.string().trim().min(1).max(50).optional(),
  /** People of a team, items of a material, or the shelter's first occupancy (default 0). */
  quantity: z.number().int().min(0).max(1_000_000).optional(),
  note,
});
export type AssignInput = z.infer<typeof assignInput>;

/** Body of `PATCH /api/v1/dispatch/assignments/:id`: a new state, and/or a new quantity (a shelter's occupancy). */
export const assignmentUpdate = z
  .object({ state: assignmentState.optional(), quantity: z.number().int().min(0).max(1_000_000).optional(), note })
  .refine((u) => u.state !== undefined || u.quantity !== undefined, { message: 'state or quantity is required', path: ['state'] });
export type AssignmentUpdate = z.infer<typeof assignmentUpdate>;

/** One step of an assignment's history: who moved it to which state (or changed its quantity), when. */
export interface AssignmentEvent {
  at: string;
  actor: string;
  state: AssignmentState;
  quantity: number;
  note: string | null;
}

/**
 * A rescue resource assigned to a target (指挥调度). `item` is what the resource's ledger
 * counts: `people` (a team), a material code (a warehouse), `occupancy` (a shelter). Live
 * topic `dispatch`. Drill (exercise) assignments have their own ledger.
 */
export interface Assignment {
  id: string;
  exercise: boolean;
  target: { kind: DispatchTargetKind; id: string; label: string | null };
  resourceId: string;
  resourceName: string;
  resourceType: string;
  /** The resource's district (what a grid user's scope reads). */
  district: string;
  kind: AssignmentKind;
  item: string;
  quantity: number;
  state: AssignmentState;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  history: AssignmentEvent[];
}
