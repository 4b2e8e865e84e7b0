import { Router, type Request } from 'express';
import { z } from 'zod';
import { adcode } from '../../../shared/schemas/common.js';
import { alertState } from '../../../shared/schemas/alert.js';
import { inDistricts } from '../../../shared/auth/districts.js';
import { authorize, currentUser, scopeDistricts } from '../auth/middleware.js';
import type { Db } from '../store/db.js';
import type { Domain } from '../domain/index.js';
import { getAlert, listAlerts, toAlert, toAlertInFull, type AlertRecord } from '../domain/alerts/alerts.repository.js';
import { listHistory } from '../domain/alerts/alert-history.repository.js';
import { capAckFor } from '../domain/alerts/cap-ack.js';
import { csv, parse, visibleText } from './validate.js';
import { AppError } from '../errors.js';

const listQuery = z.object({
  state: z.array(alertState).optional(),
  district: z.array(adcode).optional(),
  exercise: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(500).optional(),
});

/**
 * Alerts: list (running ones by default, paged), one in full with its history, acknowledge
 * with a comment, and the acknowledgement as a CAP 1.2 Ack.
 */
export function createAlertsRouter(deps: { db: Db; domain: Domain }): Router {
  const r = Router();
  /** The alert `id` when the user's districts reach it; 404 otherwise (never saying it exists). */
  async function visibleAlert(req: Request, id: string): Promise<AlertRecord> {
    const a = await getAlert(deps.db, id);
    if (!a || !inDistricts(scopeDistricts(currentUser(req)), a.districts)) throw new AppError(404, 'not_found', `alert ${id} not found`);
    return a;
  }
  r.get('/', async (req, res) => {
    const q = parse(listQuery, { ...req.query, state: csv(req.query.state), district: csv(req.query.district) }, ['query']);
    const page = await listAlerts(deps.db, {
      states: q.state ?? ['active', 'acknowledged'],
      districts: scopeDistricts(currentUser(req), q.district),
      exercise: q.exercise,
      limit: q.limit,
      cursor: q.cursor,
    });
    res.json({ items: page.items.map(toAlert), nextCursor: page.nextCursor });
  });
  r.get('/:id', async (req, res) => {
    const a = await visibleAlert(req, req.params.id);
    res.json({ ...toAlertInFull(a), history: await listHistory(deps.db, a.id) });
  });
  r.get('/:id/cap-ack', async (req, res) => {
    const ack = await capAckFor(deps.db, await visibleAlert(req, req.params.id));
    res.type('application/cap+xml; charset=utf-8').set('content-disposition', `inline; filename="${ack.identifier}.xml"`).send(ack.xml);
  });
  r.post('/:id/ack', async (req, res) => {
    const user = currentUser(req);
    authorize(user, 'alerts:acknowledge');
    const body = parse(z.object({ comment: visibleText(2000) }), req.body, ['body']);
    res.json(await deps.domain.alerts.acknowledge(req.params.id, { ...user, ip: req.ip ?? null }, body.comment));
  });
  return r;
}
