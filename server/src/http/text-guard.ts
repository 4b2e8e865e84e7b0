import type { RequestHandler } from 'express';
import { assertCleanText } from '../clean-text.js';

/** A path segment as route parameters see it; one that is not valid percent-encoding stays as sent. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The boundary check of every HTTP request: the path, the query and, once a body parser
 * has run, the parsed body (JSON, form, CSV or XML text). Mounted once before the routes
 * and again right after each body parser; MQTT payloads call {@link assertCleanText}.
 */
export const textGuard: RequestHandler = (req, _res, next) => {
  try {
    assertCleanText(req.path.split('/').map(decodeSegment), ['(path)']);
    assertCleanText(req.query);
    if (req.body !== undefined) assertCleanText(req.body);
    next();
  } catch (err) {
    next(err);
  }
};
