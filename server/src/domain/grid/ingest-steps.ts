import type { CaseStepInput } from '../../../../shared/schemas/grid-event.js';
import { transition } from '../../../../shared/domain/lifecycle.js';
import type { ErrorIssue } from '../../errors.js';
import type { Queryable } from '../../store/db.js';
import type { CaseRecord } from './cases.repository.js';
import type { TimelineRow } from './case-timeline.repository.js';
import { enterStatus, type DeadlineRules } from './case-steps.js';

/** Statuses a dispatch step re-dispatches (改派) from: the case is with a department already. */
const REDISPATCH_FROM = new Set(['dispatched', 'in_progress']);

export interface StepContext {
  /** The categories' deadlines and the city's calendar (a dispatch starts the clock). */
  rules: DeadlineRules;
  departments: ReadonlySet<string>;
  /** Who the steps are recorded as (the sending system's actor name). */
  actor: string;
  /** The receipt time, the case's `updatedAt`. */
  now: string;
}

/**
 * Applies a sending system's steps (`GridEventInput.steps`) to `rec`, in order, skipping
 * those at or before `lastAt` (applied already: a re-sent history changes nothing). Each step
 * must be legal for the machine actor `source` from the case's status at that point (see
 * CASE_ACTIONS), except that a dispatch of a case already dispatched or in progress is a
 * re-dispatch (改派) to another department, which restarts the deadline clock. Returns the
 * refusals (paths under `${index}.steps`); on a refusal `rec` may be partly moved, and the
 * caller refuses the whole batch. Adds one timeline row per applied step.
 */
export function applySteps(rec: CaseRecord, steps: CaseStepInput[], lastAt: number, index: number, ctx: StepContext, timeline: TimelineRow[]): { applied: number; issues: ErrorIssue[] } {
  let applied = 0;
  for (const [j, step] of steps.entries()) {
    const at = new Date(step.at);
    if (at.getTime() <= lastAt) continue;
    const path = `${index}.steps.${j}`;
    if (step.department !== undefined && !ctx.departments.has(step.department)) return { applied, issues: [{ path: `${path}.department`, message: `unknown department '${step.department}'` }] };
    const redispatch = step.action === 'dispatch' && REDISPATCH_FROM.has(rec.status);
    const move = redispatch ? ({ ok: true, to: 'dispatched' } as const) : transition(rec.status, step.action, 'source');
    if (!move.ok) return { applied, issues: [{ path: `${path}.action`, message: `case ${rec.sourceId} cannot ${step.action} when ${rec.status}` }] };
    const iso = at.toISOString();
    if (move.to !== rec.status || redispatch) enterStatus(rec, move.to, iso, ctx.rules, step.department);
    if (step.action === 'supervise') {
      rec.supervised = { at: iso, by: ctx.actor, note: step.note!, dueAt: new Date(step.dueAt!).toISOString() };
      rec.deadlineAt = rec.supervised.dueAt;
      rec.escalated = false;
    }
    rec.updatedAt = ctx.now;
    timeline.push({
      caseId: rec.id,
      at: iso,
      status: rec.status,
      actor: ctx.actor,
      action: step.action,
      ...(step.note ? { note: step.note } : {}),
      ...(rec.department && step.action !== 'register' && step.action !== 'reject' ? { department: rec.department } : {}),
    });
    applied++;
  }
  return { applied, issues: [] };
}

/** The time of each stored case's latest timeline step (epoch ms), for the cases that have one. */
export async function lastStepTimes(q: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ case_id: string; last: string | Date }>('select case_id, max(at) as last from case_timeline where case_id = any($1::uuid[]) group by case_id', [ids]);
  return new Map(rows.map((r) => [String(r.case_id), new Date(r.last).getTime()]));
}
