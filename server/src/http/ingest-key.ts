import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { INGEST_KEY_LOCAL } from '../audit/ingest-use.js';

/** Checks an ingest key (hashing and caching are the verifier's business). */
export type VerifyIngestKey = (key: string) => Promise<boolean>;

/** The key of `Authorization: Bearer <key>`, or null when the header is absent or not Bearer. */
export function bearerKey(header: string | undefined): string | null {
  const m = /^Bearer[ \t]+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/**
 * Express middleware for the ingest endpoints: `Authorization: Bearer <ingest key>`, else
 * 401 `unauthorized`. Runs before body parsing, so an unauthenticated client cannot make
 * the server read a large body.
 */
export function requireIngestKey(verify: VerifyIngestKey): RequestHandler {
  return (req, res, next) => {
    const key = bearerKey(req.headers.authorization);
    if (!key) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="ingest"');
      next(new AppError(401, 'unauthorized', 'Missing ingest key: send "Authorization: Bearer <ingest key>"'));
      return;
    }
    verify(key).then((ok) => {
      if (ok) {
        res.locals[INGEST_KEY_LOCAL] = key;
        return next();
      }
      res.setHeader('WWW-Authenticate', 'Bearer realm="ingest", error="invalid_token"');
      next(new AppError(401, 'unauthorized', 'Invalid or revoked ingest key'));
    }, next);
  };
}
