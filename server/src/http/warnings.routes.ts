import { Router, type Request } from 'express';
import { z } from 'zod';
import { warningCancelInput, warningDraftInput, warningRejectInput, warningState, warningUpdateInput } from '../../../shared/schemas/warning.js';
import type { Permission } from '../../../shared/auth/policy.js';
import { authorize, currentUser } from '../auth/middleware.js';
import type { Actor } from '../domain/ports.js';
import type { WarningService } from '../domain/warnings/warnings.service.js';
import { csv, parse } from './validate.js';

const listQuery = z.object({
  state: z.array(warningState).optional(),
  exercise: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const id = z.string().min(1).max(100);

/**
 * Warnings published out (docs/API.md → Warnings published): list, draft (Alert), draft an
 * Update or a Cancel of a published one, approve (审核签发) and send back (退回). Mount at
 * `/api/v1/warnings` after the JSON body parser.
 */
export function createWarningsRouter(deps: { warnings: WarningService }): Router {
  const r = Router();
  const actor = (req: Request, permission: Permission): Actor => {
    const user = currentUser(req);
    authorize(user, permission);
    return { ...user, ip: req.ip ?? null };
  };
  const idOf = (req: Request) => parse(id, req.params.id, ['params', 'id']);

  r.get('/', async (req, res) => {
    actor(req, 'warnings:read');
    const q = parse(listQuery, { ...req.query, state: csv(req.query.state) }, ['query']);
    res.json({ items: await deps.warnings.list({ states: q.state, exercise: q.exercise, limit: q.limit }) });
  });
  r.post('/', async (req, res) => {
    const who = actor(req, 'warnings:draft');
    const body = parse(warningDraftInput, req.body ?? {}, ['body']);
    const { xml: _xml, ...m } = await deps.warnings.draft(who, body.content, body.exercise);
    res.status(201).json(m);
  });
  r.post('/:id/update', async (req, res) => {
    const who = actor(req, 'warnings:draft');
    const body = parse(warningUpdateInput, req.body ?? {}, ['body']);
    const { xml: _xml, ...m } = await deps.warnings.draftUpdate(who, idOf(req), body.content);
    res.status(201).json(m);
  });
  r.post('/:id/cancel', async (req, res) => {
    const who = actor(req, 'warnings:draft');
    const body = parse(warningCancelInput, req.body ?? {}, ['body']);
    const { xml: _xml, ...m } = await deps.warnings.draftCancel(who, idOf(req), body.reason);
    res.status(201).json(m);
  });
  r.post('/:id/approve', async (req, res) => {
    const who = actor(req, 'warnings:approve');
    const { xml: _xml, ...m } = await deps.warnings.approve(who, idOf(req));
    res.json(m);
  });
  r.post('/:id/reject', async (req, res) => {
    const who = actor(req, 'warnings:approve');
    const body = parse(warningRejectInput, req.body ?? {}, ['body']);
    const { xml: _xml, ...m } = await deps.warnings.reject(who, idOf(req), body.reason);
    res.json(m);
  });
  return r;
}
