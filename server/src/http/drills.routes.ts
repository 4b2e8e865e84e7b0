import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { drillStartInput } from '../../../shared/schemas/drill.js';
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
 * 401 for neither, 403 for a user of another role. Sets `res.locals.actor`: the username,
 * or `ingest-key`.
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
      res.locals.actor = user.username;
      return next();
    }
    if (await auth.verifyIngestKey(bearer).catch(() => false)) {
      res.locals.actor = 'ingest-key';
      return next();
    }
    res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    next(new AppError(401, 'unauthorized', 'Invalid token or ingest key'));
  };
}

const listQuery = z.object({
  state: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Drill sessions (docs/API.md → Drill sessions): list (any signed-in user), start and end
 * (duty, admin, ingest key). Mount with `app.use(router)` before the user-only API.
 */
export function createDrillsRouter(deps: { drills: DrillService; auth: Pick<AuthService, 'verifyToken' | 'verifyIngestKey'> }): Router {
  const r = Router();
  const commander = requireCommander(deps.auth);
  const json = [express.json({ limit: '10kb' }), textGuard];

  r.get(DRILLS_BASE, requireUser(deps.auth, 'streams:read'), async (req, res) => {
    const q = parse(listQuery, req.query, ['query']);
    res.json({ items: await deps.drills.list({ openOnly: q.state === 'open', limit: q.limit }) });
  });
  r.post(DRILLS_BASE, commander, ...json, async (req, res) => {
    const body = parse(drillStartInput, req.body ?? {}, ['body']);
    res.status(201).json(await deps.drills.start(body, String(res.locals.actor)));
  });
  r.post(`${DRILLS_BASE}/:id/end`, commander, async (req, res) => {
    const id = parse(z.string().trim().min(1).max(100), req.params.id, ['params', 'id']);
    res.json(await deps.drills.end(id, String(res.locals.actor)));
  });
  return r;
}
