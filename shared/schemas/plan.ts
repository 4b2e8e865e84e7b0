import { z } from 'zod';
import { adcode, warningLevel } from './common.js';
import { alertCategory, alertState } from './alert.js';
import { WARNING_LEVELS } from '../domain/warning.js';

/** Emergency response levels (应急响应等级): Ⅰ级 is the highest, as in the warning levels. */
export const responseLevel = z.enum(['I', 'II', 'III', 'IV']);
export type ResponseLevel = z.infer<typeof responseLevel>;

/** One step of a plan (预案处置步骤): who does what, within how long of the response starting, and what counts as done. */
export const planStep = z.object({
  /** Unique within its plan; ticks refer to it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
  title: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().min(1).max(200),
  /** Responsible department: an id of departments.json. */
  department: z.string().min(1),
  /** Time limit from the start of the response (启动响应后 N 分钟内). */
  limitMinutes: z
    .number()
    .int()
    .positive()
    .max(14 * 24 * 60),
  /** What counts as done (完成标准). */
  done: z.string().trim().min(1).max(500),
  doneEn: z.string().trim().min(1).max(500),
});
export type PlanStep = z.infer<typeof planStep>;

const rank = (l: z.infer<typeof warningLevel>) => WARNING_LEVELS[l].rank;

/**
 * A structured response plan (结构化预案) of the city pack (`plans.json`, docs/CITY_PACK.md →
 * Response plans): the alerts it answers (categories and a level range), the response level
 * each alert level starts, the levels at which it starts by itself, the lead and supporting
 * departments and the steps.
 */
export const responsePlan = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
    name: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    /** Alert categories it answers (shared/schemas/alert.ts). */
    categories: z.array(alertCategory).min(1),
    /** Lowest and highest alert level it answers, both included. */
    levels: z.object({ from: warningLevel, to: warningLevel }),
    /** Response level started by each alert level of the range (e.g. 红色 → Ⅰ级响应). */
    responseLevels: z.partialRecord(warningLevel, responseLevel),
    /** Alert levels at which the plan starts without waiting for a duty officer. */
    autoActivate: z.array(warningLevel).default([]),
    /** Lead department (牵头部门), an id of departments.json. */
    lead: z.string().min(1),
    /** Supporting departments (配合部门), ids of departments.json. */
    support: z.array(z.string().min(1)).default([]),
    steps: z.array(planStep).min(1).max(100),
  })
  .superRefine((p, ctx) => {
    const [lo, hi] = [rank(p.levels.from), rank(p.levels.to)];
    if (lo > hi) ctx.addIssue({ code: 'custom', path: ['levels', 'from'], message: `${p.levels.from} is above ${p.levels.to}: from is the lowest level` });
    for (const l of warningLevel.options) {
      const inRange = rank(l) >= lo && rank(l) <= hi;
      if (inRange && !p.responseLevels[l]) ctx.addIssue({ code: 'custom', path: ['responseLevels', l], message: `level ${l} is in the range but starts no response level` });
      if (!inRange && p.responseLevels[l]) ctx.addIssue({ code: 'custom', path: ['responseLevels', l], message: `level ${l} is outside levels ${p.levels.from}–${p.levels.to}` });
    }
    for (const [i, l] of p.autoActivate.entries()) {
      if (rank(l) < lo || rank(l) > hi) ctx.addIssue({ code: 'custom', path: ['autoActivate', i], message: `level ${l} is outside levels ${p.levels.from}–${p.levels.to}` });
    }
    const seen = new Set<string>();
    for (const [i, s] of p.steps.entries()) {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id ${s.id}` });
      seen.add(s.id);
    }
  });
export type ResponsePlan = z.infer<typeof responsePlan>;

/** proposed: a matching alert came in; active: the response runs (启动响应); ended: 终止响应 (or the proposal was dropped). */
export const activationState = z.enum(['proposed', 'active', 'ended']);
export type ActivationState = z.infer<typeof activationState>;

/** A step's state in one activation. */
export interface StepState {
  stepId: string;
  done: boolean;
  /** When it was last ticked or unticked, by whom, with what note (null: never touched). */
  at: string | null;
  by: string | null;
  note: string | null;
}

export const activationEventKind = z.enum(['proposed', 'activated', 'level_changed', 'step_done', 'step_undone', 'alert_ended', 'ended']);
export type ActivationEventKind = z.infer<typeof activationEventKind>;

/** One entry of an activation's history, oldest first. `actor` null: the system (an alert update, an automatic start). */
export interface ActivationEvent {
  at: string;
  kind: ActivationEventKind;
  actor: string | null;
  stepId?: string;
  /** Response levels of a level change (and the alert levels behind them). */
  from?: ResponseLevel;
  to?: ResponseLevel;
  alertLevel?: z.infer<typeof warningLevel>;
  note?: string;
}

/**
 * One plan for one alert (live topic `plans`): proposed when the alert came in, then started,
 * followed step by step, and ended. The plan is kept as it was when proposed, so later edits of
 * the pack never rewrite a response already under way.
 */
export interface PlanActivation {
  id: string;
  planId: string;
  plan: ResponsePlan;
  /** The alert it answers; null for a plan started by hand for a reported event (no alert). */
  alertId: string | null;
  /** The alert as the activation last saw it (null: no alert). */
  alert: { event: string; headline: string | null; level: z.infer<typeof warningLevel>; state: z.infer<typeof alertState>; sent: string } | null;
  /**
   * Started by hand (手动启动): why (`reason`) and, without an alert, the event it answers
   * (`event`); `startedBy` says who. Null for a plan proposed by a matching alert.
   */
  manual: { reason: string; event: string | null } | null;
  exercise: boolean;
  districts: string[];
  state: ActivationState;
  responseLevel: ResponseLevel;
  /** Rises with every change; commands carry it (409 when stale). */
  version: number;
  proposedAt: string;
  /** When the response started: the step limits count from it. */
  startedAt: string | null;
  /** Username, or null when the plan started by itself. */
  startedBy: string | null;
  endedAt: string | null;
  endedBy: string | null;
  /** The alert was cancelled or expired: ending the response is proposed. */
  alertEnded: boolean;
  steps: StepState[];
  history: ActivationEvent[];
  updatedAt: string;
}

const version = z.number().int().positive();
const note = z.string().trim().max(2000);

/**
 * `POST /api/v1/plans/activations`: a duty officer starts any plan of the pack by hand, for an
 * alert in force (`alertId`: districts and drill flag come from it) or for a reported event with
 * no alert (`event` and `districts` then required), at the response level chosen, with a reason.
 */
export const startInput = z
  .object({
    planId: z.string().trim().min(1).max(100),
    alertId: z.string().trim().min(1).max(100).optional(),
    event: z.string().trim().min(1).max(200).optional(),
    districts: z.array(adcode).min(1).max(50).optional(),
    responseLevel,
    reason: note.min(1),
    exercise: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.alertId) {
      if (s.event !== undefined) ctx.addIssue({ code: 'custom', path: ['event'], message: 'comes from the alert: leave it out with alertId' });
      if (s.districts !== undefined) ctx.addIssue({ code: 'custom', path: ['districts'], message: 'come from the alert: leave them out with alertId' });
      return;
    }
    if (s.event === undefined) ctx.addIssue({ code: 'custom', path: ['event'], message: 'is required without alertId: what happened' });
    if (s.districts === undefined) ctx.addIssue({ code: 'custom', path: ['districts'], message: 'are required without alertId: where it happened' });
  });
export type StartInput = z.infer<typeof startInput>;

/** `POST /api/v1/plans/activations/:id/activate`. `fromAlertSent`: the response counts from the warning's issue (预警发布即启动), else from now. */
export const activateInput = z.object({ version, fromAlertSent: z.boolean().default(false), note: note.optional() });
/** `POST /api/v1/plans/activations/:id/level`: the duty officer moves the response level (提级 / 降级). */
export const levelInput = z.object({ version, responseLevel, note: note.min(1) });
/** `POST /api/v1/plans/activations/:id/steps/:stepId`: tick (done) or untick (a note says why). */
export const stepInput = z
  .object({ version, done: z.boolean(), note: note.optional() })
  .refine((s) => s.done || (s.note ?? '').length > 0, { path: ['note'], message: 'unticking a step needs a note saying why' });
/** `POST /api/v1/plans/activations/:id/end`: 终止响应 (or drop a proposal), with a note. */
export const endInput = z.object({ version, note: note.min(1) });
