import { z } from 'zod';
import { adcode, isoDateTime, lonLat, sourceId } from './common.js';

/** Stages of the digital city-management case workflow (GB/T 30428 family). */
export const caseStatus = z.enum([
  'reported', // 信息采集
  'registered', // 案卷建立
  'dispatched', // 任务派遣 (deadline clock starts)
  'in_progress', // 任务处理
  'feedback', // 处理反馈
  'closed', // 核查结案
  'evaluated', // 综合评价
  'rejected', // not accepted as a case at registration (不予立案)
]);
export type CaseStatus = z.infer<typeof caseStatus>;

/** Where a case came from. */
export const caseSource = z.enum(['inspector', 'citizen', 'hotline', 'video_ai', 'sensor', 'open311']);
export type CaseSource = z.infer<typeof caseSource>;

/** 部件 (facility) or 事件 (incident) case. */
export const caseKind = z.enum(['facility', 'incident']);
export type CaseKind = z.infer<typeof caseKind>;

/** Steps a sending system may report in `steps` (shared/domain/lifecycle.ts names them). */
export const caseStepAction = z.enum(['register', 'reject', 'dispatch', 'start', 'feedback', 'close', 'send_back', 'supervise', 'evaluate']);
export type CaseStepAction = z.infer<typeof caseStepAction>;

/**
 * One step of a case's handling as the sending system recorded it: `dispatch` names the
 * department (a second dispatch of a dispatched or in-progress case is a re-dispatch, 改派),
 * `send_back` returns a fed-back case for rework (返工), `supervise` (督办) carries a note
 * and a new due time.
 */
export const caseStepInput = z.object({
  action: caseStepAction,
  at: isoDateTime,
  department: z.string().max(64).optional(),
  note: z.string().trim().min(1).max(500).optional(),
  dueAt: isoDateTime.optional(),
});
export type CaseStepInput = z.infer<typeof caseStepInput>;

/** Most steps one event may carry. */
export const MAX_CASE_STEPS = 50;

/**
 * A grid event as an integrator sends it (`POST /api/v1/ingest/grid-events`).
 * Sending the same `sourceId` again is a no-op unless `status` moves the case forward
 * along the lifecycle, which syncs the case from the sending system, or `steps` holds
 * steps later than the last one stored (steps at or before it were applied already).
 */
export const gridEventInput = z
  .object({
    sourceId,
    source: caseSource,
    category: z.string().min(1).max(64),
    kind: caseKind.optional(),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(4000).optional(),
    location: lonLat,
    address: z.string().max(300).optional(),
    reportedAt: isoDateTime,
    status: caseStatus.optional(),
    /** When the given `status` was reached; defaults to the time of receipt. */
    statusAt: isoDateTime.optional(),
    department: z.string().max(64).optional(),
    exercise: z.boolean().optional(),
    reporter: z.string().max(100).optional(),
    /** A photo of the problem (Open311 `media_url`); http(s) only, since screens link to it. */
    mediaUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
      .max(2000)
      .optional(),
    /** The case's handling steps in time order (a whole history, or the steps since the last event); not with `status`. */
    steps: z.array(caseStepInput).min(1).max(MAX_CASE_STEPS).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.steps && e.status) ctx.addIssue({ code: 'custom', path: ['steps'], message: 'send either status or steps, not both' });
    e.steps?.forEach((step, i) => {
      const before = i === 0 ? e.reportedAt : e.steps![i - 1]!.at;
      if (Date.parse(step.at) <= Date.parse(before)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'at'], message: `must be later than ${i === 0 ? 'reportedAt' : 'the step before'}` });
      if (step.action === 'supervise' && (!step.note || !step.dueAt)) ctx.addIssue({ code: 'custom', path: ['steps', i], message: 'a supervise step needs a note and a dueAt' });
    });
  });
export type GridEventInput = z.infer<typeof gridEventInput>;

/** One step in a case's timeline. */
export const caseTimelineEntry = z.object({
  at: isoDateTime,
  status: caseStatus,
  actor: z.string(),
  note: z.string().optional(),
  /** The action taken (a CaseAction of shared/domain/lifecycle.ts, or `escalate` for the overdue escalation); absent on the report and on steps stored before actions were recorded. */
  action: z.string().optional(),
  /** A photo of the work (a feedback's `photoUrl`). */
  mediaUrl: z.string().optional(),
  /** The department the step concerns (dispatched to, supervised). */
  department: z.string().optional(),
  /** The other case of a merge: the duplicate on the master's entry, the master on the duplicate's. */
  refCase: z.string().optional(),
  /** On a master's timeline: the merged duplicate this entry comes from. */
  fromCase: z.string().optional(),
});
export type CaseTimelineEntry = z.infer<typeof caseTimelineEntry>;

/** A stored city-management case, as the screens and the live `grid` topic see it. */
export const gridCase = z.object({
  id: z.string(),
  sourceId: z.string(),
  source: caseSource,
  category: z.string(),
  kind: caseKind,
  title: z.string(),
  description: z.string().nullable(),
  location: lonLat,
  address: z.string().nullable(),
  district: adcode.nullable(),
  gridCell: z.string().nullable(),
  status: caseStatus,
  department: z.string().nullable(),
  reportedAt: isoDateTime,
  dispatchedAt: isoDateTime.nullable(),
  deadlineAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  exercise: z.boolean(),
  updatedAt: isoDateTime,
  /** Rises by one with every change; an action names the version it was decided on (409 when stale). */
  version: z.number().int().min(1),
  /** The named handler (承办人) the case was dispatched to, if any. */
  assignee: z.string().nullable(),
  /** 督办: formally supervised by the command centre, with a note and a new due time. */
  supervised: z.object({ at: isoDateTime, by: z.string(), note: z.string(), dueAt: isoDateTime }).nullable(),
  /** The master case this one was merged into as a duplicate. */
  mergedInto: z.string().nullable(),
  /** Why a closed case was closed other than by verification. */
  closeReason: z.enum(['duplicate']).nullable(),
});
export type GridCase = z.infer<typeof gridCase>;
