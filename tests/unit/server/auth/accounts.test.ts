import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccounts } from '../../../../server/src/auth/accounts.js';
import { HttpError } from '../../../../server/src/http/errors.js';
import { openDb, type Db } from '../../../../server/src/store/db.js';
import { migrate } from '../../../../server/src/store/migrate.js';

// One embedded database per file (starting PGlite takes seconds); every test starts from
// empty auth tables, so no test sees another's rows.
let db: Db;
beforeAll(async () => {
  db = await openDb({ dataDir: 'memory://' });
  await migrate(db);
});
beforeEach(() => db.exec('truncate users, ingest_keys'));
afterAll(() => db.close());

async function failure(p: Promise<unknown>): Promise<HttpError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

describe('accounts', () => {
  it('creates a grid user with its districts and an argon2id hash', async () => {
    const user = await createAccounts(db).createUser({ username: 'wang', password: 'long enough pass', role: 'grid', districts: ['441702'] });
    expect(user).toEqual({ username: 'wang', role: 'grid', districts: ['441702'] });
    const { rows } = await db.query<{ password_hash: string; districts: string[] }>('select password_hash, districts from users');
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.districts).toEqual(['441702']);
  });

  it('stores no districts for a city-wide role', async () => {
    expect((await createAccounts(db).createUser({ username: 'li', password: 'long enough pass', role: 'duty' })).districts).toBeNull();
  });

  it('refuses a short password, a grid user without districts and a duty user with districts', async () => {
    const a = createAccounts(db);
    expect((await failure(a.createUser({ username: 'x', password: 'short', role: 'duty' }))).status).toBe(422);
    expect((await failure(a.createUser({ username: 'x', password: 'long enough pass', role: 'grid' }))).issues[0]?.path).toBe('districts');
    expect((await failure(a.createUser({ username: 'x', password: 'long enough pass', role: 'duty', districts: ['441702'] }))).status).toBe(422);
    expect((await failure(a.createUser({ username: 'x', password: 'long enough pass', role: 'root' as never }))).status).toBe(422);
    expect(await a.listUsers()).toEqual([]);
  });

  it('refuses a username that exists with 409', async () => {
    const a = createAccounts(db);
    await a.createUser({ username: 'li', password: 'long enough pass', role: 'duty' });
    expect((await failure(a.createUser({ username: 'li', password: 'another long pass', role: 'admin' }))).status).toBe(409);
  });
});
