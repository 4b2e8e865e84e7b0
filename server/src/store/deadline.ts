/**
 * The database did not answer within its deadline (a statement past `DB_TIMEOUT_MS`, no
 * connection within `DB_CONNECT_TIMEOUT_MS`, or a lock held elsewhere). HTTP answers it with
 * 503 `db_unavailable` (rendered by http/errors.ts), so a frozen database makes requests fail fast
 * instead of hanging.
 */
export class DbTimeoutError extends Error {
  readonly code = 'db_timeout';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'DbTimeoutError';
  }
}

// 57014: statement cancelled (statement_timeout); 55P03: lock_timeout.
const TIMEOUT_SQLSTATES = new Set(['57014', '55P03']);
const TIMEOUT_MESSAGES = /Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout/;

/** `err` as a {@link DbTimeoutError} when it is one of node-postgres's or PostgreSQL's timeouts, else unchanged. */
export function asDbTimeout(err: unknown): unknown {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e && (TIMEOUT_SQLSTATES.has(String(e.code)) || TIMEOUT_MESSAGES.test(String(e.message)))) {
    return new DbTimeoutError(`database did not answer in time: ${String(e.message)}`, err);
  }
  return err;
}

/** Rejects with a {@link DbTimeoutError} when `work` takes longer than `ms` (0 = no deadline). */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  if (!ms) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DbTimeoutError(`${what}: no answer from the database within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
