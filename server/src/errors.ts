import type { ZodError } from 'zod';

/** One offending field of a refused input: a dotted path (`0.location.lat`) and what is wrong. */
export interface ErrorIssue {
  path: string;
  message: string;
}

/**
 * The error every layer throws when a request cannot be served (domain, ingest, auth,
 * realtime, store): a status, a stable code, a message and the offending fields. It is
 * layer-neutral so that the domain never imports the HTTP layer; http/errors.ts renders it
 * as the JSON body of CONTRACT.md, and the live socket maps it to its own error events.
 */
export class AppError extends Error {
  constructor(
    /** The HTTP status the HTTP layer answers with (4xx for the client's fault, 5xx for ours). */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    /**
     * Fields the body carries beside `error`, for a client to act on the refusal without
     * another request (a 409 `conflict` carries the current case and who changed it).
     */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  /** The JSON error body of CONTRACT.md, with the {@link extra} fields beside `error`. */
  toJSON() {
    return { ...this.extra, error: { code: this.code, message: this.message, issues: this.issues } };
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
export function validationError(err: ZodError, prefix: (string | number)[] = []): AppError {
  const issues = zodIssues(err, prefix);
  return new AppError(422, 'validation_failed', `Invalid input: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
}

/**
 * What Express, body-parser or a database driver may hang on an error it throws (Express types
 * a handler's error as `any`); every field unchecked until its type is tested.
 */
export type ThrownFields = { type?: unknown; status?: unknown; statusCode?: unknown; code?: unknown; message?: unknown } | null | undefined;
