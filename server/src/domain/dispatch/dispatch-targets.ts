import type { Queryable } from '../../store/db.js';
import type { DispatchTargetKind } from '../../../../shared/schemas/dispatch.js';
import { getAlert } from '../alerts/alerts.repository.js';
import { getCase } from '../grid/cases.repository.js';
import { getActivation } from '../plans/plans.repository.js';

/** What an assignment needs of its target: whether it is a drill's, where it is, what to call it. */
export interface DispatchTarget {
  exercise: boolean;
  districts: string[];
  label: string | null;
}

/** Looks a target up by id (inside the assignment's transaction); null when there is no such target. */
export type TargetResolver = (q: Queryable, id: string) => Promise<DispatchTarget | null>;

/** How each kind of target is found. A plan step is one of a running plan's steps. */
export function targetResolvers(): Record<DispatchTargetKind, TargetResolver> {
  return {
    async alert(q, id) {
      const a = await getAlert(q, id);
      return a && { exercise: a.exercise, districts: a.districts, label: a.headline ?? a.event };
    },
    async case(q, id) {
      const c = await getCase(q, id);
      return c && { exercise: c.exercise, districts: c.district ? [c.district] : [], label: c.title };
    },
    async plan_step(q, id) {
      const at = id.indexOf(':');
      const a = at > 0 ? await getActivation(q, id.slice(0, at)) : null;
      const step = a?.state === 'active' ? a.plan.steps.find((s) => s.id === id.slice(at + 1)) : undefined;
      return a && step ? { exercise: a.exercise, districts: a.districts, label: `${a.plan.name} · ${step.title}` } : null;
    },
  };
}
