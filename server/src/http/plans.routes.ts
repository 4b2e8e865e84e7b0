import { Router, type Request } from 'express';
import { z } from 'zod';
import { adcode, isoDateTime } from '../../../shared/schemas/common.js';
import { activateInput, activationState, endInput, levelInput, startInput, stepInput } from '../../../shared/schemas/plan.js';
import { authorize, currentUser, scopeDistricts } from '../auth/middleware.js';
import type { PlanService } from '../domain/plans/plans.service.js';
import type { Actor } from '../domain/ports.js';
import { csv, parse, visibleText } from './validate.js';

const listQuery = z.object({
  state: z.array(activationState).optional(),
  district: z.array(adcode).optional(),
  exercise: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  alert: z.string().trim().min(1).max(100).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

const id = z.string().trim().min(1).max(100);
/** A note a person must actually write (not only blanks or invisible characters). */
const note = visibleText(2000);

/**
 * Response plans (docs/API.md → Response plans): the pack's plans, the activations (proposed,
 * running, ended) and the duty officer's commands on them. Mounted under `/api/v1/plans`.
 */
export function createPlansRouter(deps: { plans: PlanService }): Router {
  const r = Router();
  const actor = (req: Request): Actor => {
    const user = currentUser(req);
    authorize(user, 'plans:command');
    return { ...user, ip: req.ip ?? null };
  };
  const activationId = (req: Request) => parse(id, req.params.id, ['params', 'id']);

  r.get('/', (_req, res) => {
    res.json({ items: deps.plans.plans() });
  });
  r.get('/activations', async (req, res) => {
    const q = parse(listQuery, { ...req.query, state: csv(req.query.state), district: csv(req.query.district) }, ['query']);
    const items = await deps.plans.list({
      states: q.state ?? ['proposed', 'active'],
      districts: scopeDistricts(currentUser(req), q.district),
      exercise: q.exercise,
      alertId: q.alert,
      from: q.from,
      to: q.to,
      limit: q.limit,
    });
    res.json({ items });
  });
  r.post('/activations', async (req, res) => {
    const who = actor(req);
    const body = parse(startInput.safeExtend({ reason: note, event: visibleText(200).optional() }), req.body ?? {}, ['body']);
    res.status(201).json(await deps.plans.startByHand(who, body));
  });
  r.get('/activations/:id', async (req, res) => {
    res.json(await deps.plans.get(activationId(req), scopeDistricts(currentUser(req))));
  });
  r.post('/activations/:id/activate', async (req, res) => {
    const who = actor(req);
    const body = parse(activateInput.extend({ note: note.optional() }), req.body ?? {}, ['body']);
    res.json(await deps.plans.activate(activationId(req), who, body));
  });
  r.post('/activations/:id/level', async (req, res) => {
    const who = actor(req);
    const body = parse(levelInput.extend({ note }), req.body ?? {}, ['body']);
    res.json(await deps.plans.changeLevel(activationId(req), who, body));
  });
  r.post('/activations/:id/steps/:stepId', async (req, res) => {
    const who = actor(req);
    const stepId = parse(id, req.params.stepId, ['params', 'stepId']);
    const body = parse(stepInput, req.body ?? {}, ['body']);
    res.json(await deps.plans.setStep(activationId(req), stepId, who, body));
  });
  r.post('/activations/:id/end', async (req, res) => {
    const who = actor(req);
    const body = parse(endInput.extend({ note }), req.body ?? {}, ['body']);
    res.json(await deps.plans.end(activationId(req), who, body));
  });
  return r;
}
