import express, { Router } from 'express';
import { z } from 'zod';
import { LoginRefused, type AuthService } from '../auth/auth.service.js';
import type { AuditRecorder } from '../audit/audit-log.js';
import { createLoginThrottle, type LoginThrottleOptions } from '../auth/login-throttle.js';
import { currentUser, requireUser } from '../auth/middleware.js';
import { AppError, validationError } from '../errors.js';
import { textGuard } from './text-guard.js';

const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
});

/**
 * `POST /api/v1/auth/login`, `POST /api/v1/auth/refresh` and `GET /api/v1/auth/me`, with full
 * paths: mount with `app.use(createAuthRouter(auth))`. Login attempts are throttled per
 * account + address, per account and per address, before any password is hashed.
 */
export function createAuthRouter(auth: Pick<AuthService, 'login' | 'verifyToken' | 'refresh'>, opts: { throttle?: LoginThrottleOptions; audit?: AuditRecorder } = {}): Router {
  const router = Router();
  const throttle = createLoginThrottle(opts.throttle);

  router.post('/api/v1/auth/login', express.json({ limit: '16kb' }), textGuard, async (req, res) => {
    const parsed = loginBody.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { username, password } = parsed.data;
    const address = req.ip ?? req.socket.remoteAddress ?? '';
    const wait = await throttle.attempt(username, address);
    // Throttled attempts are not audited: they check no password, and would let anyone flood the log.
    if (wait > 0) throw tooMany(res, wait);
    const ip = req.ip ?? null;
    const result = await auth.login(username, password).catch(async (err: unknown) => {
      if (err instanceof LoginRefused) await opts.audit?.({ actor: username, role: 'anonymous', action: 'auth.login_failed', target: username, ip, detail: { reason: err.reason } });
      throw err;
    });
    await throttle.succeed(username, address);
    await opts.audit?.({ actor: username, role: result.user.role, action: 'auth.login', target: username, ip, detail: {} });
    noStore(res).json(result);
  });

  // A video wall runs for days; it trades its still-valid token for a new one before expiry.
  router.post('/api/v1/auth/refresh', requireUser(auth), async (req, res) => {
    noStore(res).json(await auth.refresh(currentUser(req)));
  });

  router.get('/api/v1/auth/me', requireUser(auth), (req, res) => {
    res.json({ user: currentUser(req) });
  });

  return router;
}

/** A token must never be kept by a browser or proxy cache. */
function noStore(res: express.Response): express.Response {
  return res.setHeader('Cache-Control', 'no-store').setHeader('Pragma', 'no-cache');
}

function tooMany(res: express.Response, waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  res.setHeader('Retry-After', String(seconds));
  return new AppError(429, 'too_many_attempts', `Too many failed logins; try again in ${seconds} s`);
}
