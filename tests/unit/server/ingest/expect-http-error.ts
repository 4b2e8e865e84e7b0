import { expect } from 'vitest';
import { HttpError } from '../../../../server/src/http/errors.js';

/** Runs `fn`, expects an HttpError with this status and code, and returns it for more checks. */
export function expectHttpError(fn: () => unknown, status: number, code: string): HttpError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    const e = err as HttpError;
    expect({ status: e.status, code: e.code }).toEqual({ status, code });
    return e;
  }
  throw new Error('expected an HttpError, nothing was thrown');
}

/** The issue paths of an HttpError. */
export const paths = (e: HttpError) => e.issues.map((i) => i.path);
