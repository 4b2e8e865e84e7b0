import { Router } from 'express';
import { z } from 'zod';
import { adcode } from '../../../shared/schemas/common.js';
import { alertState } from '../../../shared/schemas/alert.js';
import { currentUser, scopeDistricts } from '../auth/middleware.js';
import type { Db } from '../store/db.js';
import type { Domain } from '../domain/index.js';
import { getAlert, listAlerts, toAlert, toAlertInFull } from '../domain/alerts/alerts.repository.js';
import { csv, parse, visibleText } from './validate.js';
import { AppError } from '../errors.js';

/** Duty officers acknowledge; grid administrators for their own districts; leaders watch. */
const ACKNOWLEDGING_ROLES: readonly string[] = ['duty', 'grid', 'admin'];

const listQuery = z.object({
  state: z.array(alertState).optional(),
  district: z.array(adcode).optional(),
  exercise: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(500).optional(),
});

/** Alerts: list (running ones by default, paged), one in full, and acknowledge with a comment. */
export function createAlertsRouter(deps: { db: Db; domain: Domain }): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const q = parse(listQuery, { ...req.query, state: csv(req.query.state), district: csv(req.query.district) }, ['query']);
    const page = await listAlerts(deps.db, {
      states: q.state ?? ['active', 'acknowledged'], districts: scopeDistricts(currentUser(req), q.district), exercise: q.exercise,
      limit: q.limit, cursor: q.cursor,
    });
    res.json({ items: page.items.map(toAlert), nextCursor: page.nextCursor });
  });
  r.get('/:id', async (req, res) => {
    const scope = scopeDistricts(currentUser(req));
    const a = await getAlert(deps.db, req.params.id);
    if (!a || (scope && !a.districts.some((d) => scope.includes(d)))) throw new AppError(404, 'not_found', `alert ${req.params.id} not found`);
    res.json(toAlertInFull(a));
  });
  r.post('/:id/ack', async (req, res) => {
    const user = currentUser(req);
    if (!ACKNOWLEDGING_ROLES.includes(user.role)) throw new AppError(403, 'forbidden', `role ${user.role} may not acknowledge alerts`);
    const body = parse(z.object({ comment: visibleText(2000) }), req.body, ['body']);
    res.json(await deps.domain.alerts.acknowledge(req.params.id, user, body.comment));
  });
  return r;
}
