import { Router, type Request, type RequestHandler } from 'express';
import type { Permission } from '../../../shared/auth/policy.js';
import { z } from 'zod';
import { authorize, currentUser } from '../auth/middleware.js';
import { userPatchSchema, type AdminActor, type AdminService } from '../admin/admin.service.js';
import { systemHealth, type HealthDeps } from '../admin/health.js';
import { parse } from './validate.js';

const username = z.string().min(1).max(64);
const keyId = z.string().min(1).max(100);

/** The signed-in administrator as the audit log records it. */
function actorOf(req: Request): AdminActor {
  const user = currentUser(req);
  return { username: user.username, role: user.role, ip: req.ip ?? null };
}

/**
 * `/admin/users`, `/admin/keys` and `/admin/health` (docs/API.md → Administration), each
 * behind its permission (`users:manage`, `keys:manage`, `system:health`). Mount under
 * `/api/v1` after the JSON body parser.
 */
export function createAdminRouter(deps: { admin: AdminService; health: HealthDeps }): Router {
  const r = Router();
  const { admin } = deps;
  const guard =
    (permission: Permission): RequestHandler =>
    (req, _res, next) => {
      authorize(currentUser(req), permission);
      next();
    };
  r.use('/admin/users', guard('users:manage'));
  r.use('/admin/keys', guard('keys:manage'));

  r.get('/admin/users', async (_req, res) => {
    res.json({ items: await admin.listUsers() });
  });
  r.post('/admin/users', async (req, res) => {
    res.status(201).json(await admin.createUser(actorOf(req), req.body as unknown));
  });
  r.patch('/admin/users/:username', async (req, res) => {
    const name = parse(username, req.params.username, ['params', 'username']);
    res.json(await admin.updateUser(actorOf(req), name, parse(userPatchSchema, req.body ?? {}, ['body'])));
  });
  r.post('/admin/users/:username/password', async (req, res) => {
    const name = parse(username, req.params.username, ['params', 'username']);
    await admin.resetPassword(actorOf(req), name, (req.body as { password?: unknown } | undefined)?.password);
    res.status(204).end();
  });

  r.get('/admin/keys', async (_req, res) => {
    res.json({ items: await admin.listKeys() });
  });
  r.post('/admin/keys', async (req, res) => {
    const created = await admin.createKey(actorOf(req), (req.body as { name?: unknown } | undefined)?.name);
    res.status(201).setHeader('Cache-Control', 'no-store').json(created);
  });
  r.delete('/admin/keys/:id', async (req, res) => {
    await admin.revokeKey(actorOf(req), parse(keyId, req.params.id, ['params', 'id']));
    res.status(204).end();
  });

  r.get('/admin/health', guard('system:health'), async (_req, res) => {
    res.json(await systemHealth(deps.health));
  });
  return r;
}
