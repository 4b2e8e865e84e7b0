import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { AppError } from '../../server/src/errors.js';
import type { Db } from '../../server/src/store/db.js';
import { openTestDb } from './test-db.js';

/**
 * One embedded database per test file (starting PGlite takes seconds); every test starts
 * from empty auth tables, so no test sees another's rows. Returns a getter for the database.
 */
export function useAuthDb(): () => Db {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  beforeEach(() => db.exec('truncate users, ingest_keys'));
  afterAll(() => db.close());
  return () => db;
}

/** Awaits a promise that must reject with an AppError, and returns the error. */
export async function httpFailure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
