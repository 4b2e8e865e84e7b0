import type { Queryable } from '../../store/db.js';
import type { DispatchTargetKind } from '../../../../shared/schemas/dispatch.js';
import { getAlert } from '../alerts/alerts.repository.js';
import { getCase } from '../grid/cases.repository.js';

/** What an assignment needs of its target: whether it is a drill's, where it is, what to call it. */
export interface DispatchTarget {
  exercise: boolean;
  districts: string[];
  label: string | null;
}

/** Looks a target up by id (inside the assignment's transaction); null when there is no such target. */
export type TargetResolver = (q: Queryable, id: string) => Promise<DispatchTarget | null>;

/**
 * The alert and case resolvers; a plan step's comes from the response plans (wired where the
 * domain is built) and, until it is, no plan step is found.
 */
export function targetResolvers(planStep?: TargetResolver): Record<DispatchTargetKind, TargetResolver> {
  return {
    async alert(q, id) {
      const a = await getAlert(q, id);
      return a && { exercise: a.exercise, districts: a.districts, label: a.headline ?? a.event };
    },
    async case(q, id) {
      const c = await getCase(q, id);
      return c && { exercise: c.exercise, districts: c.district ? [c.district] : [], label: c.title };
    },
    plan_step: planStep ?? (async () => null),
  };
}
