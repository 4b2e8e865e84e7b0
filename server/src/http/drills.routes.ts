import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { drillStartInput, type DrillSession } from '../../../shared/schemas/drill.js';
import type { AuditRecorder } from '../audit/audit-log.js';
import { INGEST_KEY_LOCAL } from '../audit/ingest-use.js';
import type { AuthService } from '../auth/auth.service.js';
import { can } from '../../../shared/auth/policy.js';
import { bearerToken, forbidden, requireUser } from '../auth/middleware.js';
import type { DrillService } from '../domain/drills/drills.service.js';
import { AppError } from '../errors.js';
import { parse } from './validate.js';
import { textGuard } from './text-guard.js';

/** Base path of the drill sessions. */
export const DRILLS_BASE = '/api/v1/drills';

/**
 * `Authorization: Bearer` with a user token that may `drills:command` (shared/auth/policy.ts),
 * or with an ingest key (data sources: the simulator);
 * 401 for neither, 403 for a user of another role. Sets `res.locals.actor`: who, with its
 * role (`ingest` for a key, whose use is also counted in the ingest-use summary).
 */
function requireCommander(auth: Pick<AuthService, 'verifyToken' | 'verifyIngestKey'>): RequestHandler {
  return async (req, res, next) => {
    const bearer = bearerToken(req.headers.authorization);
    if (!bearer) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return next(new AppError(401, 'unauthorized', 'Bearer token or ingest key required'));
    }
    const user = await auth.verifyToken(bearer).catch(() => null);
    if (user) {
      if (!can(user, 'drills:command')) return next(forbidden(user, 'drills:command'));
      res.locals.actor = { username: user.username, role: user.role } satisfies DrillActor;
      return next();
    }
    if (await auth.verifyIngestKey(bearer).catch(() => false)) {
      res.locals.actor = { username: 'ingest-key', role: 'ingest' } satisfies DrillActor;
      res.locals[INGEST_KEY_LOCAL] = bearer;
      return next();
    }
    res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    next(new AppError(401, 'unauthorized', 'Invalid token or ingest key'));
  };
}

interface DrillActor {
  username: string;
  role: string;
}

const listQuery = z.object({
  state: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Drill sessions (docs/API.md → Drill sessions): list (any signed-in user), start and end
 * (duty, admin, ingest key). Mount with `app.use(router)` before the user-only API.
 */
export function createDrillsRouter(deps: { drills: DrillService; auth: Pick<AuthService, 'verifyToken' | 'verifyIngestKey'>; audit?: AuditRecorder }): Router {
  const r = Router();
  const commander = requireCommander(deps.auth);
  const json = [express.json({ limit: '10kb' }), textGuard];
  // After the session's own transaction: a drill is exercise data, its audit row a record of who ran it.
  const record = async (req: Request, res: Response, action: 'drill.start' | 'drill.end', session: DrillSession, detail: Record<string, unknown>) => {
    const actor = res.locals.actor as DrillActor;
    await deps.audit?.({ actor: actor.username, role: actor.role, action, target: session.id, ip: req.ip ?? null, detail });
  };

  r.get(DRILLS_BASE, requireUser(deps.auth, 'streams:read'), async (req, res) => {
    const q = parse(listQuery, req.query, ['query']);
    res.json({ items: await deps.drills.list({ openOnly: q.state === 'open', limit: q.limit }) });
  });
  r.post(DRILLS_BASE, commander, ...json, async (req, res) => {
    const body = parse(drillStartInput, req.body ?? {}, ['body']);
    const session = await deps.drills.start(body, (res.locals.actor as DrillActor).username);
    await record(req, res, 'drill.start', session, { after: { name: session.name, scenario: session.scenario, districts: session.districts } });
    res.status(201).json(session);
  });
  r.post(`${DRILLS_BASE}/:id/end`, commander, async (req, res) => {
    const id = parse(z.string().trim().min(1).max(100), req.params.id, ['params', 'id']);
    const session = await deps.drills.end(id, (res.locals.actor as DrillActor).username);
    await record(req, res, 'drill.end', session, { after: { endedAt: session.endedAt, endedBy: session.endedBy } });
    res.json(session);
  });
  return r;
}
