import { Router, type Request } from 'express';
import { z } from 'zod';
import { isoDateTime } from '../../../shared/schemas/common.js';
import { authorize, currentUser, scopeDistricts } from '../auth/middleware.js';
import { AppError } from '../errors.js';
import type { HandoverActor, HandoverService } from '../domain/handover/handover.service.js';
import { handoverCsv } from './handover-csv.js';
import { parse, visibleText } from './validate.js';

const id = z.string().trim().min(1).max(100);
const draftQuery = z.object({ shiftId: id.optional() });
const submitBody = z.object({ shiftId: id, note: z.string().trim().max(4000).optional() });
const signBody = z.object({ comment: visibleText(1000).optional() });
const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: isoDateTime.optional() });

/** The signed-in user as the service needs it: who, and the districts its reads are scoped to. */
const actorOf = (req: Request): HandoverActor => {
  const u = currentUser(req);
  return { username: u.username, role: u.role, ip: req.ip ?? null, districts: scopeDistricts(u, null) };
};

/**
 * The shift handover (docs/API.md → Shift handover): drafts, submission and sign-off need
 * `handover:write`, reading the filed reports `handover:read`. Mount under `/api/v1` after the
 * JSON body parser.
 */
export function createHandoverRouter(deps: { handovers: HandoverService }): Router {
  const r = Router();
  const { handovers } = deps;
  const found = async (reportId: string) => {
    const report = await handovers.get(reportId);
    if (!report) throw new AppError(404, 'not_found', `No handover report ${reportId}`, [{ path: 'params.id', message: 'no such report' }]);
    return report;
  };

  r.get('/handovers', async (req, res) => {
    authorize(currentUser(req), 'handover:read');
    const q = parse(listQuery, req.query, ['query']);
    res.json({ items: await handovers.list(q) });
  });
  r.get('/handovers/draft', async (req, res) => {
    authorize(currentUser(req), 'handover:write');
    const q = parse(draftQuery, req.query, ['query']);
    res.json(await handovers.draft(actorOf(req), q.shiftId ?? (await handovers.currentShiftId())));
  });
  r.post('/handovers', async (req, res) => {
    authorize(currentUser(req), 'handover:write');
    const body = parse(submitBody, req.body ?? {}, ['body']);
    res.status(201).json(await handovers.submit(actorOf(req), body.shiftId, body.note || null));
  });
  r.get('/handovers/:id', async (req, res) => {
    authorize(currentUser(req), 'handover:read');
    res.json(await found(parse(id, req.params.id, ['params', 'id'])));
  });
  r.get('/handovers/:id/report.csv', async (req, res) => {
    authorize(currentUser(req), 'handover:read');
    const report = await found(parse(id, req.params.id, ['params', 'id']));
    res
      .type('text/csv; charset=utf-8')
      .attachment(`handover-${report.shift.startsAt.slice(0, 10)}.csv`)
      .send(handoverCsv(report));
  });
  r.post('/handovers/:id/sign', async (req, res) => {
    authorize(currentUser(req), 'handover:write');
    const reportId = parse(id, req.params.id, ['params', 'id']);
    const body = parse(signBody, req.body ?? {}, ['body']);
    res.json(await handovers.sign(actorOf(req), reportId, body.comment ?? null));
  });
  return r;
}
