import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../store/db.js';
import { AppError } from '../../errors.js';
import type { webhookReceiverInput, webhookReceiverPatch, WebhookDelivery, WebhookReceiver } from '../../../../shared/schemas/warning.js';
import type { AuditLog } from '../ports.js';
import * as repo from './receivers.repository.js';
import { listDeliveries, retryNow } from './outbox.repository.js';

/** Who changes receivers, as the audit log records it. */
export interface ReceiverActor {
  username: string;
  role: string;
  ip: string | null;
}

/**
 * Webhook receivers (admin-managed) and their deliveries. The secret is made here, returned
 * once on creation and kept to sign deliveries; lists never show it. `retried` is called
 * after a manual retry (the outbox worker's kick).
 */
export function createReceiverService(deps: { db: Db; audit?: AuditLog; retried?: () => void; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const found = async (id: string): Promise<WebhookReceiver> => {
    const r = await repo.getReceiver(deps.db, id);
    if (!r) throw new AppError(404, 'not_found', `webhook receiver ${id} not found`);
    return r;
  };
  const record = (actor: ReceiverActor, action: string, target: string, detail: Record<string, unknown>) =>
    deps.audit?.append(deps.db, { actor: actor.username, role: actor.role, action, target: `webhook:${target}`, ip: actor.ip, detail });

  return {
    list: () => repo.listReceivers(deps.db),

    async create(actor: ReceiverActor, fields: z.infer<typeof webhookReceiverInput>): Promise<{ receiver: WebhookReceiver; secret: string }> {
      const id = `wh-${randomUUID()}`;
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      await deps.db.transaction(async (tx) => {
        await repo.insertReceiver(tx, { ...fields, id, secret, createdBy: actor.username, createdAt: now().toISOString() });
        await deps.audit?.append(tx, { actor: actor.username, role: actor.role, action: 'webhook.create', target: `webhook:${id}`, ip: actor.ip, detail: { after: fields } });
      });
      return { receiver: await found(id), secret };
    },

    async update(actor: ReceiverActor, id: string, patch: z.infer<typeof webhookReceiverPatch>): Promise<WebhookReceiver> {
      const before = await found(id);
      const after = { name: before.name, url: before.url, categories: before.categories, levels: before.levels, exercises: before.exercises, enabled: before.enabled, ...patch };
      await repo.updateReceiver(deps.db, id, after);
      await record(actor, 'webhook.update', id, { before: pick(before, patch), after: patch });
      return found(id);
    },

    async remove(actor: ReceiverActor, id: string): Promise<void> {
      const before = await found(id);
      await repo.deleteReceiver(deps.db, id);
      await record(actor, 'webhook.delete', id, { before: { name: before.name, url: before.url, pending: before.pending } });
    },

    deliveries: (f: { receiverId?: string; state?: 'pending' | 'delivered'; limit: number }): Promise<WebhookDelivery[]> => listDeliveries(deps.db, f),

    /** Makes a pending delivery due now; 409 when it was delivered already. */
    async retry(actor: ReceiverActor, deliveryId: string): Promise<void> {
      if (!(await retryNow(deps.db, deliveryId))) throw new AppError(409, 'not_pending', `delivery ${deliveryId} is not pending (delivered, or no such delivery)`);
      await record(actor, 'webhook.retry', deliveryId, {});
      deps.retried?.();
    },
  };
}

function pick(r: WebhookReceiver, patch: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, r[k as keyof WebhookReceiver]]));
}

export type ReceiverService = ReturnType<typeof createReceiverService>;
