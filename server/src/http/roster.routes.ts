import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { isoDateTime } from '../../../shared/schemas/common.js';
import { shiftInput } from '../../../shared/schemas/roster.js';
import { authorize, currentUser } from '../auth/middleware.js';
import { AppError } from '../errors.js';
import type { RosterActor, RosterService } from '../domain/roster/roster.service.js';
import { rosterTemplate } from '../domain/roster/roster-csv.js';
import { parse } from './validate.js';

/** The longest window one roster read may cover. */
const MAX_DAYS = 62;
const DAY = 86_400_000;

const listQuery = z.object({ from: isoDateTime.optional(), to: isoDateTime.optional() });
const importQuery = z.object({ replace: z.enum(['true', 'false']).default('false') });
const shiftId = z.string().trim().min(1).max(100);

const actorOf = (req: Request): RosterActor => {
  const u = currentUser(req);
  return { username: u.username, role: u.role, ip: req.ip ?? null };
};

/**
 * The duty roster (docs/API.md → Duty roster): read by everyone signed in (`/roster`,
 * `/roster/now`), changed by `roster:manage` (shifts one by one or a CSV import, all or
 * nothing). Mount under `/api/v1` after the JSON body parser.
 */
export function createRosterRouter(deps: { roster: RosterService; now?: () => Date }): Router {
  const r = Router();
  const manage = (req: Request) => authorize(currentUser(req), 'roster:manage');

  r.get('/roster', async (req, res) => {
    const q = parse(listQuery, req.query, ['query']);
    const now = deps.now?.() ?? new Date();
    const from = q.from ? new Date(q.from) : new Date(now.getTime() - DAY);
    const to = q.to ? new Date(q.to) : new Date(from.getTime() + 8 * DAY);
    const invalid = (message: string) => new AppError(422, 'validation_failed', `Invalid input: query.to: ${message}`, [{ path: 'query.to', message }]);
    if (to <= from) throw invalid('must be after from');
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY) throw invalid(`the window may span at most ${MAX_DAYS} days`);
    res.json({ items: await deps.roster.list(from.toISOString(), to.toISOString()) });
  });
  r.get('/roster/now', async (_req, res) => {
    res.json(await deps.roster.onDuty());
  });
  r.get('/roster/template.csv', (req, res) => {
    manage(req);
    res.type('text/csv; charset=utf-8').attachment('roster-template.csv').send(rosterTemplate());
  });
  r.post('/roster/import', express.text({ type: ['text/csv', 'text/plain'], limit: '1mb' }), async (req, res) => {
    manage(req);
    const q = parse(importQuery, req.query, ['query']);
    if (typeof req.body !== 'string' || !req.body.trim()) throw new AppError(415, 'unsupported_media_type', 'Send the roster as text/csv', [{ path: 'body', message: 'a text/csv body' }]);
    res.status(201).json(await deps.roster.importCsv(actorOf(req), req.body, q.replace === 'true'));
  });
  r.post('/roster', async (req, res) => {
    manage(req);
    res.status(201).json(await deps.roster.create(actorOf(req), parse(shiftInput, req.body ?? {}, ['body'])));
  });
  r.put('/roster/:id', async (req, res) => {
    manage(req);
    const id = parse(shiftId, req.params.id, ['params', 'id']);
    res.json(await deps.roster.update(actorOf(req), id, parse(shiftInput, req.body ?? {}, ['body'])));
  });
  r.delete('/roster/:id', async (req, res) => {
    manage(req);
    await deps.roster.remove(actorOf(req), parse(shiftId, req.params.id, ['params', 'id']));
    res.status(204).end();
  });
  return r;
}
