import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../store/db.js';
import { AppError } from '../../errors.js';
import { inDistricts, ownDistricts } from '../../../../shared/auth/districts.js';
import type { ResponsePlan, StartInput } from '../../../../shared/schemas/plan.js';
import type { Actor } from '../ports.js';
import { getAlert } from '../alerts/alerts.repository.js';
import * as repo from './plans.repository.js';
import type { ActivationRow } from './plans.repository.js';

const IN_FORCE = new Set(['active', 'acknowledged']);

const invalid = (path: string, message: string) => new AppError(422, 'validation_failed', `Invalid input: ${path}: ${message}`, [{ path, message }]);

/** Where a plan started by hand stands: the alert it answers (if any), its districts and whether it is a drill's. */
async function trigger(tx: Queryable, actor: Actor, input: StartInput, cityDistricts: readonly string[]): Promise<Pick<ActivationRow, 'alertId' | 'alert' | 'districts' | 'exercise'>> {
  if (!input.alertId) {
    const unknown = input.districts!.find((d) => !cityDistricts.includes(d));
    if (unknown) throw invalid('body.districts', `${unknown} is not a district of this city`);
    if (!inDistricts(ownDistricts(actor), input.districts!)) throw invalid('body.districts', 'are outside your districts');
    return { alertId: null, alert: null, districts: input.districts!, exercise: input.exercise };
  }
  const alert = await getAlert(tx, input.alertId, true);
  if (!alert || !inDistricts(ownDistricts(actor), alert.districts)) throw invalid('body.alertId', `no alert ${input.alertId}`);
  if (!IN_FORCE.has(alert.state))
    throw new AppError(409, 'invalid_state', `alert ${alert.id} is ${alert.state}: a plan is started for an alert in force`, [{ path: 'body.alertId', message: `is ${alert.state}` }]);
  // Drill mode: an exercise activation never answers a real alert, nor a real one an exercise alert.
  if (alert.exercise !== input.exercise)
    throw invalid('body.exercise', alert.exercise ? `alert ${alert.id} is a drill's: start its plans in drill mode` : `alert ${alert.id} is real: start its plans outside drill mode`);
  return {
    alertId: alert.id,
    alert: { event: alert.event, headline: alert.headline, level: alert.level, state: alert.state, sent: alert.sent },
    districts: alert.districts,
    exercise: alert.exercise,
  };
}

/**
 * 手动启动: a running activation of any pack plan, for any alert in force or none, at the
 * response level the officer chose, recorded with who and why. Refuses a plan already
 * proposed or running for that alert (409 naming `body.planId`: start or follow that one).
 */
export async function startByHand(tx: Queryable, ctx: { plans: readonly ResponsePlan[]; districts: readonly string[]; actor: Actor; at: string }, input: StartInput): Promise<ActivationRow> {
  const plan = ctx.plans.find((p) => p.id === input.planId);
  if (!plan) throw invalid('body.planId', `no plan ${input.planId} in the city pack`);
  const where = await trigger(tx, ctx.actor, input, ctx.districts);
  const existing = where.alertId ? await repo.runningOfPlan(tx, plan.id, where.alertId) : null;
  if (existing)
    throw new AppError(
      409,
      'conflict',
      `plan ${plan.id} is already ${existing.state} for alert ${where.alertId}`,
      [{ path: 'body.planId', message: `is already ${existing.state} for this alert (activation ${existing.id})` }],
      {
        activation: (await repo.withDetail(tx, [existing]))[0],
      },
    );
  const a: ActivationRow = {
    id: randomUUID(),
    planId: plan.id,
    plan,
    ...where,
    manual: { reason: input.reason, event: where.alertId ? null : input.event! },
    state: 'active',
    responseLevel: input.responseLevel,
    version: 1,
    proposedAt: ctx.at,
    startedAt: ctx.at,
    startedBy: ctx.actor.username,
    endedAt: null,
    endedBy: null,
    alertEnded: false,
    updatedAt: ctx.at,
  };
  await repo.insertActivation(tx, a);
  await repo.appendEvent(tx, a.id, { at: ctx.at, kind: 'activated', actor: ctx.actor.username, to: a.responseLevel, note: input.reason });
  return a;
}
