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

/**
 * A grid event as an integrator sends it (`POST /api/v1/ingest/grid-events`).
 * Sending the same `sourceId` again is a no-op unless `status` moves the case forward
 * along the lifecycle, which syncs the case from the sending system.
 */
export const gridEventInput = z.object({
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
});
export type GridEventInput = z.infer<typeof gridEventInput>;

/** One step in a case's timeline. */
export const caseTimelineEntry = z.object({
  at: isoDateTime,
  status: caseStatus,
  actor: z.string(),
  note: z.string().optional(),
  /** The lifecycle action that made this step (`register`, `supervise`, `merge`, …). */
  action: z.string().optional(),
  /** A photo link given with a feedback. */
  mediaUrl: z.string().optional(),
  /** The department a dispatch sent the case to. */
  department: z.string().optional(),
  /** On a master case: the merged duplicate this entry came from. */
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
  /** Rises by one with every change of the case (an action sent with a stale one is refused: 409). */
  version: z.number().int().min(1),
  /** The named handler a dispatch gave the case, if any. */
  assignee: z.string().nullable(),
  /** 督办: who formally supervises the case since when, with the note and the new due time. */
  supervised: z.object({ at: isoDateTime, by: z.string(), note: z.string(), dueAt: isoDateTime }).nullable(),
  /** The master case's id when this one was closed as its duplicate. */
  mergedInto: z.string().nullable(),
  closeReason: z.enum(['duplicate']).nullable(),
});
export type GridCase = z.infer<typeof gridCase>;
