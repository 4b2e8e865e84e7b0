import { Router, type Request } from 'express';
import { z } from 'zod';
import { cellToChildren, getResolution, isValidCell } from 'h3-js';
import { adcode, isoDateTime } from '../../../shared/schemas/common.js';
import { caseSource, caseStatus } from '../../../shared/schemas/grid-event.js';
import { CASE_ACTION_NAMES } from '../../../shared/domain/lifecycle.js';
import { currentUser, scopeDistricts } from '../auth/middleware.js';
import type { Domain } from '../domain/index.js';
import type { Actor } from '../domain/ports.js';
import { csv, parse } from './validate.js';

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

const listQuery = z.object({
  status: z.array(caseStatus).optional(),
  district: z.array(adcode).optional(),
  category: z.string().optional(),
  source: caseSource.optional(),
  assignee: z.string().max(64).optional(),
  department: z.string().max(64).optional(),
  supervised: flag,
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(['reported', 'deadline']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  counts: flag,
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  /** An H3 cell (resolution 7 up to the unit grid's): the cases inside it (a heatmap cell's). */
  cell: z
    .string()
    .refine((c) => isValidCell(c) && getResolution(c) >= 7, 'must be an H3 cell of resolution 7 or finer')
    .optional(),
  overdue: flag,
  exercise: flag,
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** What every action may carry beside its name; which fields an action needs, the domain checks. */
const actionFields = {
  action: z.enum(CASE_ACTION_NAMES),
  note: z.string().trim().max(2000).optional(),
  department: z.string().max(64).optional(),
  assignee: z.string().trim().min(1).max(64).optional(),
  photoUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
    .max(2000)
    .optional(),
  dueAt: isoDateTime.optional(),
  masterId: z.string().max(64).optional(),
};
const version = z.number({ error: 'the case version the action was decided on is required' }).int().min(1);

const actionBody = z.object({ ...actionFields, version });
const bulkBody = z.object({
  ...actionFields,
  items: z
    .array(z.object({ id: z.string().min(1).max(64), version }))
    .min(1)
    .max(200),
});

/** The signed-in user as the domain's actor, with the address the request came from. */
function actorOf(req: Request): Actor {
  return { ...currentUser(req), ip: req.ip ?? null };
}

/**
 * Incidents (city-management cases): list with filters, search, sort, counts and cursor; one
 * with its timeline and related cases; lifecycle actions, single and bulk.
 */
export function createIncidentsRouter(deps: { domain: Domain; gridResolution?: number }): Router {
  const unitGrid = deps.gridResolution ?? 10;
  const r = Router();
  r.get('/', async (req, res) => {
    const q = parse(listQuery, { ...req.query, status: csv(req.query.status), district: csv(req.query.district) }, ['query']);
    const filter = {
      districts: scopeDistricts(currentUser(req), q.district),
      statuses: q.status,
      category: q.category,
      source: q.source,
      assignee: q.assignee,
      department: q.department,
      supervised: q.supervised,
      q: q.q,
      sort: q.sort,
      order: q.order,
      reportedFrom: q.from,
      reportedTo: q.to,
      ...(q.cell ? { cells: getResolution(q.cell) < unitGrid ? cellToChildren(q.cell, unitGrid) : [q.cell] } : {}),
      overdue: q.overdue,
      exercise: q.exercise,
      cursor: q.cursor,
      limit: q.limit,
    };
    const [page, counts] = await Promise.all([deps.domain.cases.list(filter), q.counts ? deps.domain.grid.counts(filter) : undefined]);
    res.json(counts ? { ...page, counts } : page);
  });
  r.get('/:id', async (req, res) => {
    res.json(await deps.domain.grid.detail(req.params.id, scopeDistricts(currentUser(req))));
  });
  r.post('/actions', async (req, res) => {
    const { action, items, ...input } = parse(bulkBody, req.body, ['body']);
    res.json({ results: await deps.domain.grid.bulk(action, items, actorOf(req), input) });
  });
  r.post('/:id/actions', async (req, res) => {
    const { action, ...input } = parse(actionBody, req.body, ['body']);
    res.json({ case: await deps.domain.grid.act(req.params.id, action, actorOf(req), input) });
  });
  return r;
}
