import { Router } from 'express';
import { z } from 'zod';
import { adcode, isoDateTime } from '../../../shared/schemas/common.js';
import { caseStatus } from '../../../shared/schemas/grid-event.js';
import { CASE_ACTIONS, type CaseAction } from '../../../shared/domain/lifecycle.js';
import { inDistricts } from '../../../shared/auth/districts.js';
import { currentUser, scopeDistricts } from '../auth/middleware.js';
import type { Db } from '../store/db.js';
import type { Domain } from '../domain/index.js';
import { getCase, getTimeline, toGridCase } from '../domain/grid/cases.repository.js';
import { AppError } from '../errors.js';
import { csv, parse } from './validate.js';

const listQuery = z.object({
  status: z.array(caseStatus).optional(),
  district: z.array(adcode).optional(),
  category: z.string().optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  exercise: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

const actionBody = z.object({
  action: z.enum(Object.keys(CASE_ACTIONS) as [CaseAction, ...CaseAction[]]),
  note: z.string().max(2000).optional(),
  department: z.string().max(64).optional(),
});

/** Incidents (city-management cases): list with filters and cursor, one with its timeline, lifecycle actions. */
export function createIncidentsRouter(deps: { db: Db; domain: Domain }): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const q = parse(listQuery, { ...req.query, status: csv(req.query.status), district: csv(req.query.district) }, ['query']);
    const page = await deps.domain.cases.list({
      districts: scopeDistricts(currentUser(req), q.district),
      statuses: q.status,
      category: q.category,
      reportedFrom: q.from,
      reportedTo: q.to,
      overdue: q.overdue,
      exercise: q.exercise,
      cursor: q.cursor,
      limit: q.limit,
    });
    res.json(page);
  });
  r.get('/:id', async (req, res) => {
    const scope = scopeDistricts(currentUser(req));
    const c = await getCase(deps.db, req.params.id);
    if (!c || !inDistricts(scope, [c.district])) throw new AppError(404, 'not_found', `case ${req.params.id} not found`);
    res.json({ case: toGridCase(c), timeline: await getTimeline(deps.db, c) });
  });
  r.post('/:id/actions', async (req, res) => {
    const body = parse(actionBody, req.body, ['body']);
    const user = currentUser(req);
    res.json(await deps.domain.grid.act(req.params.id, body.action, user, { note: body.note, department: body.department }));
  });
  return r;
}
