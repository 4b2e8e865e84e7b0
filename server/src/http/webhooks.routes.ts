import { Router, type Request } from 'express';
import { z } from 'zod';
import { webhookReceiverInput, webhookReceiverPatch } from '../../../shared/schemas/warning.js';
import { authorize, currentUser } from '../auth/middleware.js';
import type { ReceiverActor, ReceiverService } from '../domain/warnings/receivers.service.js';
import { parse } from './validate.js';

const id = z.string().min(1).max(100);
const deliveriesQuery = z.object({
  receiver: id.optional(),
  state: z.enum(['pending', 'delivered']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * `/admin/webhooks` (docs/API.md → Webhook receivers): receivers (create answers the secret
 * once), their deliveries and a manual retry, behind `webhooks:manage`. Mount under `/api/v1`
 * after the JSON body parser.
 */
export function createWebhooksRouter(deps: { receivers: ReceiverService }): Router {
  const r = Router();
  const actorOf = (req: Request): ReceiverActor => ({ username: currentUser(req).username, role: currentUser(req).role, ip: req.ip ?? null });
  r.use('/admin/webhooks', (req, _res, next) => {
    authorize(currentUser(req), 'webhooks:manage');
    next();
  });
  r.get('/admin/webhooks', async (_req, res) => {
    res.json({ items: await deps.receivers.list() });
  });
  r.post('/admin/webhooks', async (req, res) => {
    const created = await deps.receivers.create(actorOf(req), parse(webhookReceiverInput, req.body ?? {}, ['body']));
    res.status(201).setHeader('Cache-Control', 'no-store').json(created);
  });
  r.get('/admin/webhooks/deliveries', async (req, res) => {
    const q = parse(deliveriesQuery, req.query, ['query']);
    res.json({ items: await deps.receivers.deliveries({ receiverId: q.receiver, state: q.state, limit: q.limit }) });
  });
  r.post('/admin/webhooks/deliveries/:id/retry', async (req, res) => {
    await deps.receivers.retry(actorOf(req), parse(id, req.params.id, ['params', 'id']));
    res.status(204).end();
  });
  r.patch('/admin/webhooks/:id', async (req, res) => {
    const patch = parse(webhookReceiverPatch, req.body ?? {}, ['body']);
    res.json(await deps.receivers.update(actorOf(req), parse(id, req.params.id, ['params', 'id']), patch));
  });
  r.delete('/admin/webhooks/:id', async (req, res) => {
    await deps.receivers.remove(actorOf(req), parse(id, req.params.id, ['params', 'id']));
    res.status(204).end();
  });
  return r;
}
