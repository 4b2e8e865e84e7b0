import type { ErrorRequestHandler } from 'express';
import type { ZodError } from 'zod';

export interface ErrorIssue {
  path: string;
  message: string;
}

/** An error with an HTTP status and the JSON body of CONTRACT.md. Throw it anywhere. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, issues: this.issues } };
  }
}

/** Turns zod issues into `{path, message}` with dotted paths (`0.location.lat`), prefixed. */
export function zodIssues(err: ZodError, prefix: (string | number)[] = []): ErrorIssue[] {
  return err.issues.map((i) => ({
    path: [...prefix, ...i.path].map(String).join('.') || '(root)',
    message: i.message,
  }));
}

/** 422 naming every offending field. */
export function validationError(err: ZodError, prefix: (string | number)[] = []): HttpError {
  const issues = zodIssues(err, prefix);
  return new HttpError(422, 'validation_failed', `Invalid input: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
}

/** Express error handler: HttpError as is; body-parser errors as 4xx; anything else 500. */
export function errorHandler(log: { error: (obj: unknown, msg?: string) => void }): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof HttpError) {
      res.status(err.status).json(err.toJSON());
      return;
    }
    const status = typeof err?.status === 'number' ? err.status : typeof err?.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = err.type === 'entity.too.large' ? 'payload_too_large' : err.type === 'entity.parse.failed' ? 'malformed_body' : 'bad_request';
      res.status(status).json(new HttpError(status, code, String(err.message ?? 'Bad request')).toJSON());
      return;
    }
    log.error({ err }, 'unhandled error');
    res.status(500).json(new HttpError(500, 'internal', 'Internal server error').toJSON());
  };
}
