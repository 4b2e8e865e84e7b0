import { expect } from 'vitest';
import { AppError } from '../../../../server/src/errors.js';

/** Runs `fn`, expects an AppError with this status and code, and returns it for more checks. */
export function expectHttpError(fn: () => unknown, status: number, code: string): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect({ status: e.status, code: e.code }).toEqual({ status, code });
    return e;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

/** The issue paths of an AppError. */
export const paths = (e: AppError) => e.issues.map((i) => i.path);
