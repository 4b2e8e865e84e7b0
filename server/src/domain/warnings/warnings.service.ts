import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../store/db.js';
import { AppError } from '../../errors.js';
import { CITY_WARNING_SENDER } from '../../../../shared/schemas/alert.js';
import type { WarningContent, WarningMessage } from '../../../../shared/schemas/warning.js';
import type { Actor, AuditLog } from '../ports.js';
import type { AlertService } from '../alerts/alerts.service.js';
import * as repo from './warnings.repository.js';
import type { WarningRecord } from './warnings.repository.js';
import { enqueueDeliveries } from './outbox.repository.js';
import { outboundMessage } from './warning-cap.js';

export interface WarningServiceDeps {
  db: Db;
  alerts: AlertService;
  audit?: AuditLog;
  /** The city's districts (adcode → name): what may be picked, and `areaDesc`. */
  districts: ReadonlyMap<string, string>;
  /** CAP `senderName` of the city's warnings (the city pack's name for the sender). */
  senderName: string;
  /** Called after a publication committed (the outbox worker's kick). */
  published?: () => void;
  now?: () => Date;
}

const DRAFTABLE_SECONDS = 60;

/**
 * Warnings the city publishes (信息发布): drafted by one person, approved (审核签发) or sent
 * back (退回) by another, published as a CAP 1.2 message of the city. Publishing stores the
 * message, raises or changes its alert through the alert service (as any ingested CAP) and
 * queues a delivery for every receiver that wants it, all in one transaction.
 */
export function createWarningService(deps: WarningServiceDeps) {
  const now = deps.now ?? (() => new Date());

  function checkContent(c: WarningContent, at: Date): void {
    const unknown = c.districts.find((d) => !deps.districts.has(d));
    if (unknown)
      throw new AppError(422, 'validation_failed', `Invalid input: body.content.districts: ${unknown} is not a district of this city`, [
        { path: 'body.content.districts', message: `${unknown} is not a district of this city` },
      ]);
    if (Date.parse(c.expires) <= at.getTime() + DRAFTABLE_SECONDS * 1000) {
      throw new AppError(422, 'validation_failed', 'Invalid input: body.content.expires: must be in the future', [{ path: 'body.content.expires', message: 'must be in the future' }]);
    }
  }

  const audit = (tx: Queryable, actor: Actor, action: string, m: WarningRecord | { id: string }, detail: Record<string, unknown>) =>
    deps.audit?.append(tx, { actor: actor.username, role: actor.role, action, target: `warning:${m.id}`, ip: actor.ip ?? null, detail });

  /** The series' newest published message, which an Update or Cancel refers on from; 409 when it is cancelled. */
  async function currentOf(tx: Queryable, id: string): Promise<{ current: WarningRecord; published: WarningRecord[] }> {
    const m = await repo.getMessage(tx, id);
    if (!m) throw new AppError(404, 'not_found', `warning ${id} not found`);
    const published = await repo.publishedInSeries(tx, m.seriesId);
    const current = published.at(-1);
    if (!current) throw new AppError(409, 'not_published', `warning ${id} is not published yet`);
    if (current.msgType === 'Cancel') throw new AppError(409, 'cancelled', `warning ${m.seriesId} is cancelled`);
    return { current, published };
  }

  async function draftFollowUp(actor: Actor, id: string, msgType: 'Update' | 'Cancel', content: (current: WarningRecord) => WarningRecord['content']): Promise<WarningRecord> {
    return deps.db.transaction(async (tx) => {
      const { current } = await currentOf(tx, id);
      if (await repo.pendingInSeries(tx, current.seriesId)) throw new AppError(409, 'draft_pending', `warning ${current.seriesId} already has a draft waiting for approval`);
      const rec = { id: newId(), seriesId: current.seriesId, msgType, exercise: current.exercise, content: content(current), draftedBy: actor.username, draftedAt: now().toISOString() };
      await repo.insertDraft(tx, rec);
      await audit(tx, actor, `warning.draft_${msgType.toLowerCase()}`, rec, { after: rec.content, seriesId: rec.seriesId, exercise: rec.exercise });
      return (await repo.getMessage(tx, rec.id))!;
    });
  }

  /** A pending draft locked for a decision; 403 when `actor` drafted it (four eyes). */
  async function decidable(tx: Queryable, actor: Actor, id: string): Promise<WarningRecord> {
    const m = await repo.getMessage(tx, id, true);
    if (!m) throw new AppError(404, 'not_found', `warning ${id} not found`);
    if (m.state !== 'pending') throw new AppError(409, 'not_pending', `warning ${id} is ${m.state}, not waiting for approval`);
    if (m.draftedBy === actor.username) throw new AppError(403, 'own_draft', 'the drafter may not approve or send back their own draft: a second person signs it (审核签发)');
    return m;
  }

  return {
    /** A new warning (CAP Alert), waiting for approval. */
    async draft(actor: Actor, content: WarningContent, exercise: boolean): Promise<WarningRecord> {
      checkContent(content, now());
      return deps.db.transaction(async (tx) => {
        const id = newId();
        const rec = { id, seriesId: id, msgType: 'Alert' as const, exercise, content, draftedBy: actor.username, draftedAt: now().toISOString() };
        await repo.insertDraft(tx, rec);
        await audit(tx, actor, 'warning.draft', rec, { after: content, exercise });
        return (await repo.getMessage(tx, id))!;
      });
    },

    /** New content for a published warning (CAP Update), waiting for approval. */
    draftUpdate(actor: Actor, id: string, content: WarningContent): Promise<WarningRecord> {
      checkContent(content, now());
      return draftFollowUp(actor, id, 'Update', () => content);
    },

    /** Cancelling a published warning (CAP Cancel), waiting for approval. */
    draftCancel(actor: Actor, id: string, reason: string): Promise<WarningRecord> {
      return draftFollowUp(actor, id, 'Cancel', (current) => ({ ...current.content, reason }));
    },

    /** 审核签发: publishes the draft; refused for the drafter, a stale follow-up or an expired warning. */
    async approve(actor: Actor, id: string): Promise<WarningRecord> {
      const { rec, touched } = await deps.db.transaction(async (tx) => {
        const m = await decidable(tx, actor, id);
        const at = now();
        if (m.msgType !== 'Cancel' && Date.parse(m.content.expires) <= at.getTime()) throw new AppError(409, 'expired', `warning ${id} expired at ${m.content.expires}; draft it again`);
        const earlier = m.msgType === 'Alert' ? [] : (await currentOf(tx, m.seriesId)).published;
        // Whole seconds: the `sent` of the XML is exactly the one stored and referenced.
        const sent = new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
        const { xml, alert } = outboundMessage(m.content, {
          sender: CITY_WARNING_SENDER,
          senderName: deps.senderName,
          identifier: m.id,
          sent,
          msgType: m.msgType,
          exercise: m.exercise,
          references: earlier.map((e) => ({ sender: e.sender!, identifier: e.id, sent: e.sent! })),
          districtNames: deps.districts,
          reason: m.content.reason,
        });
        const applied = await deps.alerts.applyAll(tx, [alert]);
        await repo.markPublished(tx, m.id, { decidedBy: actor.username, at: at.toISOString(), sender: CITY_WARNING_SENDER, sent, xml, alertId: applied.ids[0] ?? null });
        const queued = await enqueueDeliveries(tx, { id: m.id, category: m.content.category, level: m.content.level, exercise: m.exercise });
        await audit(tx, actor, 'warning.approve', m, { msgType: m.msgType, draftedBy: m.draftedBy, exercise: m.exercise, sent, deliveries: queued });
        return { rec: (await repo.getMessage(tx, m.id))!, touched: applied.touched };
      });
      deps.alerts.publish(touched);
      deps.published?.();
      return rec;
    },

    /** 退回: the draft goes back with a reason, nothing is published. */
    async reject(actor: Actor, id: string, reason: string): Promise<WarningRecord> {
      return deps.db.transaction(async (tx) => {
        const m = await decidable(tx, actor, id);
        await repo.markRejected(tx, m.id, { decidedBy: actor.username, at: now().toISOString(), reason });
        await audit(tx, actor, 'warning.reject', m, { reason, draftedBy: m.draftedBy });
        return (await repo.getMessage(tx, m.id))!;
      });
    },

    list: (f: { states?: WarningMessage['state'][]; exercise?: boolean; limit: number }) => repo.listMessages(deps.db, f),
  };
}

const newId = () => `w-${randomUUID()}`;

export type WarningService = ReturnType<typeof createWarningService>;
