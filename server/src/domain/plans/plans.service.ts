import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../store/db.js';
import { AppError } from '../../errors.js';
import { inDistricts, ownDistricts } from '../../../../shared/auth/districts.js';
import type { PlanActivation, ResponseLevel, ResponsePlan, StartInput } from '../../../../shared/schemas/plan.js';
import { activatesAutomatically, matchingPlans, planProgress, responseLevelFor, type PlanProgress } from '../../../../shared/domain/plans.js';
import type { Actor, AuditLog, ChangeSink } from '../ports.js';
import type { AlertRecord } from '../alerts/alerts.repository.js';
import * as repo from './plans.repository.js';
import { startByHand } from './manual-start.js';
import type { ActivationFilter, ActivationRow } from './plans.repository.js';

export interface PlanServiceDeps {
  db: Db;
  /** The city pack's plans. */
  plans: readonly ResponsePlan[];
  /** The city's district adcodes: where a plan started for a reported event may be. */
  districts?: readonly string[];
  sink: ChangeSink;
  audit?: AuditLog;
  now?: () => Date;
}

/** An activation with where it stands, for the handover report (值班日报). */
export interface ActivationReport extends PlanActivation {
  progress: Omit<PlanProgress, 'steps'>;
  /** The level changes, oldest first. */
  levelHistory: PlanActivation['history'];
}

const ENDED_ALERT = new Set(['cancelled', 'expired']);

/**
 * Structured response plans (结构化预案): proposals follow the alerts (in the alert's own
 * transaction), duty officers start, move, tick and end them; each change is audited and
 * pushed on the live `plans` topic.
 */
export function createPlanService(deps: PlanServiceDeps) {
  const now = deps.now ?? (() => new Date());

  async function publish(ids: Iterable<string>): Promise<PlanActivation[]> {
    const rows = (await Promise.all([...new Set(ids)].map((id) => repo.getActivation(deps.db, id)))).filter((r): r is ActivationRow => r !== null);
    const out = await repo.withDetail(deps.db, rows);
    if (out.length) deps.sink.publish('plans', out);
    return out;
  }

  /**
   * Follows one alert: its running activations move with it, and (for a warning) newly matching
   * plans are proposed. A plan started by hand keeps the response level the officer chose: it
   * may not even answer this kind of alert. Returns the activations changed.
   */
  async function followAlert(tx: Queryable, alert: AlertRecord, at: string): Promise<string[]> {
    const changed: string[] = [];
    for (const a of await repo.runningForAlert(tx, alert.id)) {
      const seen = a.alert!;
      const before = { level: seen.level, state: seen.state, responseLevel: a.responseLevel };
      Object.assign(seen, { level: alert.level, state: alert.state });
      a.districts = alert.districts;
      if (ENDED_ALERT.has(alert.state)) {
        await repo.appendEvent(tx, a.id, { at, kind: 'alert_ended', actor: null, alertLevel: alert.level });
        if (a.state === 'proposed') {
          // Nothing was started: the proposal goes with its alert.
          Object.assign(a, { state: 'ended', endedAt: at, endedBy: null });
          await repo.appendEvent(tx, a.id, { at, kind: 'ended', actor: null });
        } else a.alertEnded = true;
      } else if (before.level !== alert.level) {
        if (!a.manual) {
          a.responseLevel = responseLevelFor(a.plan, alert.level);
          await repo.appendEvent(tx, a.id, { at, kind: 'level_changed', actor: null, from: before.responseLevel, to: a.responseLevel, alertLevel: alert.level });
          if (a.state === 'proposed' && activatesAutomatically(a.plan, alert.level)) await start(tx, a, at, null);
        }
      } else if (before.state === alert.state) continue;
      a.version += 1;
      a.updatedAt = at;
      await repo.updateActivation(tx, a);
      changed.push(a.id);
    }
    if (ENDED_ALERT.has(alert.state) || alert.kind !== 'warning') return changed;
    const proposed = await repo.plansOfAlert(tx, alert.id);
    for (const plan of matchingPlans(deps.plans, alert)) {
      if (proposed.has(plan.id)) continue;
      const a: ActivationRow = {
        id: randomUUID(),
        planId: plan.id,
        plan,
        alertId: alert.id,
        alert: { event: alert.event, headline: alert.headline, level: alert.level, state: alert.state, sent: alert.sent },
        manual: null,
        exercise: alert.exercise,
        districts: alert.districts,
        state: 'proposed',
        responseLevel: responseLevelFor(plan, alert.level),
        version: 1,
        proposedAt: at,
        startedAt: null,
        startedBy: null,
        endedAt: null,
        endedBy: null,
        alertEnded: false,
        updatedAt: at,
      };
      await repo.insertActivation(tx, a);
      await repo.appendEvent(tx, a.id, { at, kind: 'proposed', actor: null, alertLevel: alert.level, to: a.responseLevel });
      if (activatesAutomatically(plan, alert.level)) {
        await start(tx, a, at, null);
        await repo.updateActivation(tx, a);
      }
      changed.push(a.id);
    }
    return changed;
  }

  async function start(tx: Queryable, a: ActivationRow, startedAt: string, actor: string | null, note?: string): Promise<void> {
    Object.assign(a, { state: 'active', startedAt, startedBy: actor });
    await repo.appendEvent(tx, a.id, { at: now().toISOString(), kind: 'activated', actor, to: a.responseLevel, ...(note ? { note } : {}) });
  }

  /**
   * Runs a duty officer's command on one activation: locked, scoped to the officer's
   * districts, refused with 409 `conflict` (and the current activation) when `version` is
   * stale, audited in the same transaction, then pushed.
   */
  async function command(id: string, actor: Actor, version: number, action: string, act: (tx: Queryable, a: ActivationRow, at: string) => Promise<Record<string, unknown>>): Promise<PlanActivation> {
    await deps.db.transaction(async (tx) => {
      const a = await repo.getActivation(tx, id, true);
      if (!a || !inDistricts(ownDistricts(actor), a.districts)) throw new AppError(404, 'not_found', `plan activation ${id} not found`);
      if (a.version !== version) {
        const [current] = await repo.withDetail(tx, [a]);
        throw new AppError(
          409,
          'conflict',
          `plan activation ${id} has changed: version ${version} was sent, it is at version ${a.version}`,
          [{ path: 'body.version', message: `is ${a.version} now` }],
          { activation: current },
        );
      }
      const at = now().toISOString();
      const before = { state: a.state, responseLevel: a.responseLevel, version: a.version };
      const detail = await act(tx, a, at);
      a.version += 1;
      a.updatedAt = at;
      await repo.updateActivation(tx, a);
      await deps.audit?.append(tx, {
        actor: actor.username,
        role: actor.role,
        action,
        target: `plan:${a.id}`,
        ip: actor.ip ?? null,
        detail: { before, after: { state: a.state, responseLevel: a.responseLevel, version: a.version }, plan: a.planId, alert: a.alertId, exercise: a.exercise, ...detail },
      });
    });
    return (await publish([id]))[0]!;
  }

  const refuse = (a: ActivationRow, message: string) => new AppError(409, 'invalid_state', `plan activation ${a.id} is ${a.state}: ${message}`);

  return {
    plans: () => deps.plans,
    publish,

    /** Follows alerts stored in `tx` (ingest, expiry); returns what to push once it committed. */
    async followAlerts(tx: Queryable, alerts: readonly AlertRecord[]): Promise<() => Promise<void>> {
      const at = now().toISOString();
      const changed: string[] = [];
      for (const alert of alerts) changed.push(...(await followAlert(tx, alert, at)));
      return async () => void (changed.length ? await publish(changed) : undefined);
    },

    /** 启动响应: from now, or from the warning's issue when `fromAlertSent` (预警发布即启动; never later than now). */
    activate: (id: string, actor: Actor, input: { version: number; fromAlertSent: boolean; note?: string }) =>
      command(id, actor, input.version, 'plan.activate', async (tx, a, at) => {
        if (a.state !== 'proposed') throw refuse(a, 'only a proposed plan can be started');
        const sent = a.alert?.sent;
        const startedAt = input.fromAlertSent && sent && sent < at ? sent : at;
        await start(tx, a, startedAt, actor.username, input.note);
        return { startedAt, fromAlertSent: input.fromAlertSent, note: input.note ?? null };
      }),

    /** 手动启动: any plan of the pack, for an alert in force or a reported event, audited as `plan.start_manual`. */
    async startByHand(actor: Actor, input: StartInput): Promise<PlanActivation> {
      const id = await deps.db.transaction(async (tx) => {
        const a = await startByHand(tx, { plans: deps.plans, districts: deps.districts ?? [], actor, at: now().toISOString() }, input);
        await deps.audit?.append(tx, {
          actor: actor.username,
          role: actor.role,
          action: 'plan.start_manual',
          target: `plan:${a.id}`,
          ip: actor.ip ?? null,
          detail: {
            after: { state: a.state, responseLevel: a.responseLevel, version: a.version },
            plan: a.planId,
            alert: a.alertId,
            event: a.manual!.event,
            districts: a.districts,
            exercise: a.exercise,
            reason: a.manual!.reason,
          },
        });
        return a.id;
      });
      return (await publish([id]))[0]!;
    },

    /** 提级 / 降级 by the duty officer, with a note. */
    changeLevel: (id: string, actor: Actor, input: { version: number; responseLevel: ResponseLevel; note: string }) =>
      command(id, actor, input.version, 'plan.level', async (tx, a, at) => {
        if (a.state === 'ended') throw refuse(a, 'an ended response keeps its level');
        if (a.responseLevel === input.responseLevel)
          throw new AppError(422, 'validation_failed', `Invalid input: body.responseLevel: already ${input.responseLevel}`, [
            { path: 'body.responseLevel', message: `is already ${input.responseLevel}` },
          ]);
        const from = a.responseLevel;
        a.responseLevel = input.responseLevel;
        await repo.appendEvent(tx, a.id, { at, kind: 'level_changed', actor: actor.username, from, to: input.responseLevel, note: input.note });
        return { note: input.note };
      }),

    /** Ticks (done) or unticks a step of a running response, with a note (required to untick). */
    setStep: (id: string, stepId: string, actor: Actor, input: { version: number; done: boolean; note?: string }) =>
      command(id, actor, input.version, input.done ? 'plan.step_done' : 'plan.step_undone', async (tx, a, at) => {
        if (!a.plan.steps.some((s) => s.id === stepId))
          throw new AppError(404, 'not_found', `plan ${a.planId} has no step ${stepId}`, [{ path: 'params.stepId', message: `no step ${stepId} in plan ${a.planId}` }]);
        if (a.state !== 'active') throw refuse(a, 'steps are ticked while the response runs');
        const [full] = await repo.withDetail(tx, [a]);
        const current = full!.steps.find((s) => s.stepId === stepId)?.done ?? false;
        if (current === input.done)
          throw new AppError(409, 'conflict', `step ${stepId} is already ${current ? 'done' : 'not done'}`, [{ path: 'body.done', message: `step is already ${current ? 'done' : 'not done'}` }], {
            activation: full,
          });
        const note = input.note ?? null;
        await repo.setStep(tx, a.id, { stepId, done: input.done, at, by: actor.username, note });
        await repo.appendEvent(tx, a.id, { at, kind: input.done ? 'step_done' : 'step_undone', actor: actor.username, stepId, ...(note ? { note } : {}) });
        return { step: stepId, note };
      }),

    /** 终止响应 (or drops a proposal), with a note. */
    end: (id: string, actor: Actor, input: { version: number; note: string }) =>
      command(id, actor, input.version, 'plan.end', async (tx, a, at) => {
        if (a.state === 'ended') throw refuse(a, 'it has already ended');
        Object.assign(a, { state: 'ended', endedAt: at, endedBy: actor.username });
        await repo.appendEvent(tx, a.id, { at, kind: 'ended', actor: actor.username, note: input.note });
        return { note: input.note };
      }),

    list: (f: ActivationFilter) => repo.listActivations(deps.db, f),

    async get(id: string, districts: string[] | null): Promise<PlanActivation> {
      const a = await repo.getActivation(deps.db, id);
      if (!a || !inDistricts(districts, a.districts)) throw new AppError(404, 'not_found', `plan activation ${id} not found`);
      return (await repo.withDetail(deps.db, [a]))[0]!;
    },

    /**
     * The activations overlapping `[from, to)` (proposed before `to`, not ended before
     * `from`) with their progress at `to` (or now, if earlier) and their level history: what
     * the handover report (值班日报) lists.
     */
    async activationsInWindow(window: { from: string; to: string; exercise?: boolean; districts?: string[] | null }): Promise<ActivationReport[]> {
      const items = await repo.listActivations(deps.db, { ...window, limit: 1000 });
      const at = Math.min(Date.parse(window.to), now().getTime());
      return items.map((a) => {
        const { steps: _steps, ...progress } = planProgress(a, at);
        return { ...a, progress, levelHistory: a.history.filter((h) => h.kind === 'level_changed') };
      });
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
