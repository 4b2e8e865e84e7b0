import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';
import type { AuthService } from './auth.service.js';
import type { Permission } from '../../../shared/auth/policy.js';
import { authorize } from './scope.js';
import type { AuthUser } from './types.js';

export { authorize, forbidden, scopeDistricts } from './scope.js';

declare global {
  // Declaration merging is the way Express exposes to type request extensions.
  namespace Express {
    interface Request {
      /** Set by {@link requireUser}. */
      user?: AuthUser;
    }
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

function unauthorized(code: string, message: string): AppError {
  return new AppError(401, code, message);
}

/**
 * Requires a valid bearer token and sets `req.user`: 401 without or with an invalid
 * token, 403 when the user may not do `permission` (shared/auth/policy.ts); without one,
 * any signed-in user (its own session: refresh, me).
 */
export function requireUser(auth: Pick<AuthService, 'verifyToken'>, permission?: Permission): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = bearerToken(req.headers.authorization);
      if (!token) throw unauthorized('unauthorized', 'Bearer token required');
      const user = await auth.verifyToken(token);
      if (permission) authorize(user, permission);
      req.user = user;
      next();
    } catch (err) {
      if (err instanceof AppError && err.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      next(err);
    }
  };
}

/** The user {@link requireUser} set; throws 401 when the route forgot the middleware. */
export function currentUser(req: { user?: AuthUser }): AuthUser {
  if (!req.user) throw unauthorized('unauthorized', 'Bearer token required');
  return req.user;
}
