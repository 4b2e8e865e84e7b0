import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AppError, type ThrownFields } from '../errors.js';

/** `10mb` → 10485760 and the like, for messages; numbers pass through. */
export function formatLimit(limit: number | string): string {
  if (typeof limit === 'string') return limit.toUpperCase();
  return limit >= 1024 * 1024 ? `${+(limit / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(limit / 1024)} KB`;
}

/**
 * Refuses a request whose Content-Type is none of `types` (415) or which has no body at
 * all (400), before anything is read.
 */
export function requireContentType(...types: string[]): RequestHandler {
  return (req: Request, _res, next) => {
    const match = req.is(types);
    if (match === null || req.headers['content-length'] === '0') {
      next(new AppError(400, 'empty_body', `The request has no body; send ${types.join(' or ')}`));
    } else if (match === false) {
      const got = req.headers['content-type'] ?? 'no Content-Type';
      next(new AppError(415, 'unsupported_media_type', `Content-Type must be ${types.join(' or ')} (got ${got})`));
    } else {
      next();
    }
  };
}

/**
 * Turns body-parser failures into the contract's errors with a message an integrator can
 * act on (the limit, the JSON position), then hands them on to the app's error handler.
 */
export function bodyErrors(limit: number | string, kind: 'JSON' | 'form' = 'JSON'): ErrorRequestHandler {
  return (err: unknown, _req, _res, next) => {
    const e = err as ThrownFields;
    if (err instanceof AppError || typeof e?.type !== 'string') return next(err);
    switch (e.type) {
      case 'entity.too.large':
        return next(new AppError(413, 'payload_too_large', `Request body exceeds the limit of ${formatLimit(limit)}; split it into several requests`));
      case 'entity.parse.failed':
        return next(new AppError(400, `malformed_${kind.toLowerCase()}`, `Malformed ${kind}: ${String(e.message)}`));
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return next(new AppError(415, 'unsupported_media_type', String(e.message)));
      default:
        return next(new AppError(typeof e.status === 'number' && e.status < 500 ? e.status : 400, 'bad_request', String(e.message)));
    }
  };
}
