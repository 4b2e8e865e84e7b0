import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';

/**
 * Answers 503 `timeout` to a request still unanswered after `ms` (`REQUEST_TIMEOUT_MS`), so
 * a client never waits on a stuck dependency longer than that. The handler may still finish
 * afterwards; its late answer is dropped (see errorHandler). Each database statement has its
 * own, shorter deadline (`DB_TIMEOUT_MS`), which usually answers first with `db_unavailable`.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.status(503).setHeader('Retry-After', '5');
      res.json(new AppError(503, 'timeout', `No answer within ${ms} ms; try again shortly`).toJSON());
    }, ms);
    const done = () => clearTimeout(timer);
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
