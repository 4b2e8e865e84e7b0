import express, { Router } from 'express';
import { z } from 'zod';
import type { AuthService } from '../auth/auth.service.js';
import { createLoginThrottle, type LoginThrottleOptions } from '../auth/login-throttle.js';
import { currentUser, requireUser } from '../auth/middleware.js';
import { HttpError, validationError } from './errors.js';

const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
});

/**
 * `POST /api/v1/auth/login`, `POST /api/v1/auth/refresh` and `GET /api/v1/auth/me`, with full
 * paths: mount with `app.use(createAuthRouter(auth))`. Failed logins are throttled per
 * username + IP.
 */
export function createAuthRouter(auth: Pick<AuthService, 'login' | 'verifyToken' | 'refresh'>, opts: { throttle?: LoginThrottleOptions } = {}): Router {
  const router = Router();
  const throttle = createLoginThrottle(opts.throttle);

  router.post('/api/v1/auth/login', express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = loginBody.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { username, password } = parsed.data;
    const key = `${username.toLowerCase()}|${req.ip ?? req.socket.remoteAddress ?? ''}`;
    const wait = throttle.lockedFor(key);
    if (wait > 0) throw tooMany(res, wait);
    try {
      const result = await auth.login(username, password);
      throttle.succeed(key);
      res.json(result);
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 401)) throw err;
      const locked = throttle.fail(key);
      throw locked > 0 ? tooMany(res, locked) : err;
    }
  });

  // A video wall runs for days; it trades its still-valid token for a new one before expiry.
  router.post('/api/v1/auth/refresh', requireUser(auth), async (req, res) => {
    res.json(await auth.refresh(currentUser(req)));
  });

  router.get('/api/v1/auth/me', requireUser(auth), (req, res) => {
    res.json({ user: currentUser(req) });
  });

  return router;
}

function tooMany(res: express.Response, waitMs: number): HttpError {
  const seconds = Math.ceil(waitMs / 1000);
  res.setHeader('Retry-After', String(seconds));
  return new HttpError(429, 'too_many_attempts', `Too many failed logins; try again in ${seconds} s`);
}
