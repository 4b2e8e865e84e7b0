import type { ErrorRequestHandler } from 'express';
import { AppError, type ThrownFields } from '../errors.js';
import { DbTimeoutError } from '../store/deadline.js';

/** SQLSTATE classes caused by the data a client sent (22: data exception), not by the server. */
const CLIENT_DATA_SQLSTATE = /^22/;

/** Where the error handler writes: unexpected errors with their stack, client errors as one short line. */

export interface ErrorLog {
  error: (obj: unknown, msg?: string) => void;
  warn?: (obj: unknown, msg?: string) => void;
}

/**
 * Express error handler: an AppError (../errors.ts) as its status and JSON body; body-parser errors as 4xx; a database refusing
 * the data it was given as 400; a database past its deadline as 503 (see store/deadline.ts);
 * anything else 500. Only a 500 is logged with its stack: a client can send any number of
 * bad requests, and each must not cost the log more than a line.
 */
export function errorHandler(log: ErrorLog): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return; // the request deadline already answered
    const e = err as ThrownFields;
    if (err instanceof AppError) {
      if (err.status >= 500) log.warn?.({ code: err.code, method: req.method, path: req.path }, err.message);
      res.status(err.status).json(err.toJSON());
      return;
    }
    if (err instanceof DbTimeoutError) {
      log.warn?.({ method: req.method, path: req.path }, err.message);
      res
        .status(503)
        .setHeader('Retry-After', '5')
        .json(new AppError(503, 'db_unavailable', 'The database did not answer in time; try again shortly').toJSON());
      return;
    }
    if (typeof e?.code === 'string' && CLIENT_DATA_SQLSTATE.test(e.code)) {
      log.warn?.({ sqlstate: e.code, method: req.method, path: req.path }, `database refused the request's data: ${String(e.message)}`);
      res.status(400).json(new AppError(400, 'invalid_input', 'The request contains a value the database cannot store').toJSON());
      return;
    }
    const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = e?.type === 'entity.too.large' ? 'payload_too_large' : e?.type === 'entity.parse.failed' ? 'malformed_body' : 'bad_request';
      res.status(status).json(new AppError(status, code, String(e?.message ?? 'Bad request')).toJSON());
      return;
    }
    log.error({ err }, 'unhandled error');
    res.status(500).json(new AppError(500, 'internal', 'Internal server error').toJSON());
  };
}
