import express from 'express';
import { SignJWT, decodeJwt } from 'jose';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthService, type AuthService } from '../../../server/src/auth/auth.service.js';
import { createUsersRepository } from '../../../server/src/auth/users.repository.js';
import { loadConfig, type Config } from '../../../server/src/config.js';
import { createAuthRouter } from '../../../server/src/http/auth.routes.js';
import { errorHandler } from '../../../server/src/http/errors.js';
import type { Db } from '../../../server/src/store/db.js';
import { openTestDb } from '../../helpers/test-db.js';

let db: Db;
let auth: AuthService;
let config: Config;
let base: string;
let server: Server;

beforeAll(async () => {
  db = await openTestDb();
  config = loadConfig({ DATA_DIR: 'memory://' });
  auth = createAuthService({ db, config, defaultGridDistrict: '441702' });
  await auth.bootstrap();
  const app = express();
  app.use(createAuthRouter(auth));
  app.use(errorHandler({ error: () => undefined }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await db.close();
});

/** A token as the server would sign it, but with chosen issue and expiry times (seconds). */
function tokenAt(user: { username: string; role: string; districts: string[] | null }, iat: number, exp: number): Promise<string> {
  return new SignJWT({ role: user.role, districts: user.districts })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.username)
    .setIssuer('city-cockpit')
    .setAudience(`city-cockpit:${config.mode}`)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(config.jwtSecret));
}

const refresh = (token?: string) => fetch(`${base}/api/v1/auth/refresh`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

const now = () => Math.floor(Date.now() / 1000);

describe('POST /api/v1/auth/refresh', () => {
  it('trades a token close to expiry for one with a full lifetime and the same user', async () => {
    const leader = { username: 'leader', role: 'leader', districts: null };
    const old = await tokenAt(leader, now() - config.tokenTtlSeconds + 60, now() + 60);
    const res = await refresh(old);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toEqual(leader);
    const exp = decodeJwt(body.token).exp!;
    expect(exp).toBeGreaterThanOrEqual(now() + config.tokenTtlSeconds - 5);
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(await me.json()).toEqual({ user: leader });
  });

  it('answers 401 without a token, with a tampered one and with an expired one', async () => {
    expect((await refresh()).status).toBe(401);
    const { token } = await auth.login('duty', 'demo');
    expect((await refresh(token.slice(0, -2) + 'xx')).status).toBe(401);
    const expired = await refresh(await tokenAt({ username: 'duty', role: 'duty', districts: null }, now() - 7200, now() - 60));
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.code).toBe('token_expired');
  });

  it('reads the account again: new districts apply, a deleted account is refused', async () => {
    const users = createUsersRepository(db);
    const { token } = await auth.login('grid', 'demo');
    const record = (await users.find('grid'))!;
    await users.upsert({ ...record, districts: ['441702', '441721'] });
    const moved = await refresh(token);
    expect((await moved.json()).user).toEqual({ username: 'grid', role: 'grid', districts: ['441702', '441721'] });

    await users.remove('grid');
    const gone = await refresh(token);
    expect(gone.status).toBe(401);
    expect((await gone.json()).error.code).toBe('invalid_token');
    await users.upsert(record);
  });
});
