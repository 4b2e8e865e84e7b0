import { describe, expect, it } from 'vitest';
import { createAccounts } from '../../../../server/src/auth/accounts.js';
import { httpFailure, useAuthDb } from '../../../helpers/auth-db.js';

const getDb = useAuthDb();

const failure = httpFailure;

describe('accounts', () => {
  it('creates a grid user with its districts and an argon2id hash', async () => {
    const user = await createAccounts(getDb()).createUser({ username: 'wang', password: 'long enough pass', role: 'grid', districts: ['441702'] });
    expect(user).toEqual({ username: 'wang', role: 'grid', districts: ['441702'] });
    const { rows } = await getDb().query<{ password_hash: string; districts: string[] }>('select password_hash, districts from users');
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.districts).toEqual(['441702']);
  });

  it('stores no districts for a city-wide role', async () => {
    expect((await createAccounts(getDb()).createUser({ username: 'li', password: 'long enough pass', role: 'duty' })).districts).toBeNull();
  });

  it('refuses a short password, a grid user without districts and a duty user with districts', async () => {
    const a = createAccounts(getDb());
    expect((await failure(a.createUser({ username: 'x', password: 'short', role: 'duty' }))).status).toBe(422);
    expect((await failure(a.createUser({ username: 'x', password: 'long enough pass', role: 'grid' }))).issues[0]?.path).toBe('districts');
    expect((await failure(a.createUser({ username: 'x', password: 'long enough pass', role: 'duty', districts: ['441702'] }))).status).toBe(422);
    expect((await failure(a.createUser({ username: 'x', password: 'long enough pass', role: 'root' as never }))).status).toBe(422);
    expect(await a.listUsers()).toEqual([]);
  });

  it('refuses a username that exists with 409', async () => {
    const a = createAccounts(getDb());
    await a.createUser({ username: 'li', password: 'long enough pass', role: 'duty' });
    expect((await failure(a.createUser({ username: 'li', password: 'another long pass', role: 'admin' }))).status).toBe(409);
  });
});
