import { z } from 'zod';
import { adcode, isoDateTime, warningLevel } from './common.js';
import { alertCategory, ring } from './alert.js';

/** Categories a warning can be published under (case escalations are the desk's own, never published). */
export const publishedCategory = alertCategory.exclude(['case_escalation']);
export type PublishedCategory = z.infer<typeof publishedCategory>;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * What a duty officer drafts: the warning's content. Where it applies is either districts
 * picked from the city (at least one) or one drawn polygon (a closed ring of [lon, lat]).
 */
export const warningContent = z
  .object({
    level: warningLevel,
    category: publishedCategory,
    districts: z.array(adcode).max(50).default([]),
    polygon: ring.max(500).optional(),
    headline: text(200),
    description: text(4000),
    instruction: z.string().trim().max(4000).default(''),
    expires: isoDateTime,
  })
  .refine((c) => c.districts.length > 0 || c.polygon !== undefined, { path: ['districts'], message: 'pick at least one district or draw an area' });
export type WarningContent = z.infer<typeof warningContent>;

/** `POST /api/v1/warnings`: a new warning (Alert), drafted for approval. */
export const warningDraftInput = z.object({
  content: warningContent,
  /** Drafted in drill mode: published as a CAP Exercise. */
  exercise: z.boolean().default(false),
});

/** `POST /api/v1/warnings/:id/update`: a new content for a published warning (CAP Update). */
export const warningUpdateInput = z.object({ content: warningContent });

/** `POST /api/v1/warnings/:id/cancel`: why the warning is cancelled (CAP Cancel). */
export const warningCancelInput = z.object({ reason: text(2000) });

/** `POST /api/v1/warnings/:id/reject`: why the draft is sent back (退回). */
export const warningRejectInput = z.object({ reason: text(2000) });

export const warningMsgType = z.enum(['Alert', 'Update', 'Cancel']);
export const warningState = z.enum(['pending', 'rejected', 'published']);
export type WarningState = z.infer<typeof warningState>;

/** One outbound message as the API shows it. */
export interface WarningMessage {
  id: string;
  seriesId: string;
  msgType: z.infer<typeof warningMsgType>;
  exercise: boolean;
  state: WarningState;
  /** Content of the warning (a Cancel carries the content it cancels and `reason`). */
  content: WarningContent & { reason?: string };
  draftedBy: string;
  draftedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
  /** Published: CAP identity and the alert it raised on the screens. */
  sender: string | null;
  sent: string | null;
  alertId: string | null;
  /** The series' newest published message is this one and it is not a Cancel: can be updated or cancelled. */
  current: boolean;
}

const receiverFields = {
  name: text(100),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .refine((u) => !new URL(u).username && !new URL(u).password, { message: 'must not carry credentials' }),
  /** Empty: every category. */
  categories: z.array(publishedCategory).max(20),
  /** Empty: every level. */
  levels: z.array(warningLevel).max(4),
  /** Whether it wants exercise (drill) messages too. */
  exercises: z.boolean(),
  enabled: z.boolean(),
};

/** `POST /api/v1/admin/webhooks`: a receiver of the published messages. */
export const webhookReceiverInput = z.object({
  ...receiverFields,
  categories: receiverFields.categories.default([]),
  levels: receiverFields.levels.default([]),
  exercises: receiverFields.exercises.default(false),
  enabled: receiverFields.enabled.default(true),
});
export type WebhookReceiverInput = z.input<typeof webhookReceiverInput>;

/** `PATCH /api/v1/admin/webhooks/:id`: any of the fields. */
export const webhookReceiverPatch = z.object(receiverFields).partial().strict();

/** A receiver as listed (never its secret) with its delivery counts. */
export interface WebhookReceiver {
  id: string;
  name: string;
  url: string;
  categories: string[];
  levels: string[];
  exercises: boolean;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  pending: number;
  delivered: number;
}

/** One delivery of the outbox. */
export interface WebhookDelivery {
  id: string;
  receiverId: string;
  messageId: string;
  headline: string;
  msgType: string;
  exercise: boolean;
  state: 'pending' | 'delivered';
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/**
 * The hazard names a published warning is titled with (CAP `event` = name + colour + 预警),
 * chosen so that a receiver mapping CAP by event keywords (shared/cap/cap-mapping.ts) lands
 * on the same category. The desk shows the same names.
 */
export const PUBLISHED_CATEGORY_NAMES: Record<PublishedCategory, { zh: string; en: string }> = {
  typhoon: { zh: '台风', en: 'Typhoon' },
  rainstorm: { zh: '暴雨', en: 'Rainstorm' },
  flood: { zh: '洪水', en: 'Flood' },
  geological: { zh: '地质灾害', en: 'Geological hazard' },
  forest_fire: { zh: '森林火险', en: 'Forest fire' },
  hazchem: { zh: '危险化学品', en: 'Hazardous chemicals' },
  production_safety: { zh: '安全生产', en: 'Production safety' },
  public_health: { zh: '公共卫生', en: 'Public health' },
  environment: { zh: '生态环境', en: 'Environment' },
  other: { zh: '突发事件', en: 'Emergency' },
};
