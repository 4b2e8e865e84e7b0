import { Router, type Request } from 'express';
import { z } from 'zod';
import { adcode } from '../../../shared/schemas/common.js';
import { resourceType, type Resource } from '../../../shared/schemas/city-pack.js';
import { assignInput, assignmentState, assignmentUpdate, dispatchTargetKind } from '../../../shared/schemas/dispatch.js';
import { ledgerTotal, type ItemUsage } from '../../../shared/domain/dispatch.js';
import { inDistricts } from '../../../shared/auth/districts.js';
import { authorize, currentUser, scopeDistricts } from '../auth/middleware.js';
import type { DispatchService } from '../domain/dispatch/dispatch.service.js';
import type { Actor } from '../domain/ports.js';
import { AppError } from '../errors.js';
import { csv, parse } from './validate.js';

const exerciseFlag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

const listQuery = z
  .object({
    state: z.array(assignmentState).optional(),
    exercise: exerciseFlag,
    targetKind: dispatchTargetKind.optional(),
    targetId: z.string().trim().min(1).max(200).optional(),
    resource: z.string().trim().min(1).max(200).optional(),
    district: z.array(adcode).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine((q) => !q.targetId || q.targetKind, { message: 'targetId needs targetKind', path: ['targetKind'] });

const actorOf = (req: Request): Actor => ({ ...currentUser(req), ip: req.ip ?? null });

/**
 * Rescue resources dispatched (指挥调度, docs/API.md → Dispatch): assignments listed and read by
 * every role (a grid user within its districts), made and moved on by `resources:dispatch`,
 * and the resources with what each has committed and free.
 */
export function createDispatchRouter(deps: { dispatch: DispatchService; resources: readonly Resource[] }): Router {
  const r = Router();
  r.get('/assignments', async (req, res) => {
    const q = parse(listQuery, { ...req.query, state: csv(req.query.state), district: csv(req.query.district) }, ['query']);
    const items = await deps.dispatch.list({
      exercise: q.exercise,
      states: q.state,
      target: q.targetKind && q.targetId ? { kind: q.targetKind, id: q.targetId } : undefined,
      resourceId: q.resource,
      districts: scopeDistricts(currentUser(req), q.district),
      limit: q.limit,
    });
    res.json({ items });
  });
  r.get('/assignments/:id', async (req, res) => {
    const a = await deps.dispatch.get(req.params.id, scopeDistricts(currentUser(req)));
    if (!a) throw new AppError(404, 'not_found', `assignment ${req.params.id} not found`);
    res.json(a);
  });
  r.post('/assignments', async (req, res) => {
    authorize(currentUser(req), 'resources:dispatch');
    const body = parse(assignInput, req.body ?? {}, ['body']);
    res.status(201).json(await deps.dispatch.assign(body, actorOf(req)));
  });
  r.patch('/assignments/:id', async (req, res) => {
    authorize(currentUser(req), 'resources:dispatch');
    const body = parse(assignmentUpdate, req.body ?? {}, ['body']);
    res.json(await deps.dispatch.update(req.params.id, body, actorOf(req)));
  });
  r.get('/resources', async (req, res) => {
    const q = parse(
      z.object({ type: z.array(resourceType).optional(), district: z.array(adcode).optional(), exercise: exerciseFlag }),
      { ...req.query, type: csv(req.query.type), district: csv(req.query.district) },
      ['query'],
    );
    const scope = scopeDistricts(currentUser(req), q.district);
    const committed = new Map<string, Map<string, number>>();
    for (const l of await deps.dispatch.ledger(q.exercise ?? false)) committed.set(l.resourceId, (committed.get(l.resourceId) ?? new Map<string, number>()).set(l.item, l.committed));
    const items = deps.resources
      .filter((x) => (!q.type || q.type.includes(x.type)) && inDistricts(scope, [x.district]))
      .map((x) => {
        const out = committed.get(x.id);
        const usage: Record<string, ItemUsage> = {};
        for (const [item, n] of out ?? []) {
          const total = ledgerTotal(x, item) ?? 0;
          usage[item] = { total, committed: n, free: Math.max(0, total - n) };
        }
        return { ...x, usage };
      });
    res.json({ items, exercise: q.exercise ?? false });
  });
  return r;
}
