import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthService, type AuthService } from '../../../server/src/auth/auth.service.js';
import { loadConfig } from '../../../server/src/config.js';
import { createAuthRouter } from '../../../server/src/http/auth.routes.js';
import { AppError } from '../../../server/src/errors.js';
import { errorHandler } from '../../../server/src/http/errors.js';
import type { Db } from '../../../server/src/store/db.js';
import { openTestDb } from '../../helpers/test-db.js';

// The database only holds the demo accounts, which no test changes; each test gets its own
// app (and so its own lockout counters) through start().
let db: Db;
let auth: AuthService;
const servers: Server[] = [];

beforeAll(async () => {
  db = await openTestDb();
  auth = createAuthService({ db, config: loadConfig({ DATA_DIR: 'memory://' }), defaultGridDistrict: '441702' });
  await auth.bootstrap();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await db.close();
});

async function start(): Promise<string> {
  const app = express();
  app.use(createAuthRouter(auth, { throttle: { accountAddress: { points: 3, windowSec: 900, lockSec: 900 } } }));
  app.use(errorHandler({ error: () => undefined }));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const login = (base: string, body: unknown) =>
  fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /api/v1/auth/login', () => {
  it('answers a token and the user for good credentials, and /me knows the user', async () => {
    const base = await start();
    const res = await login(base, { username: 'grid', password: 'demo' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toEqual({ username: 'grid', role: 'grid', districts: ['441702'] });
    expect(typeof body.token).toBe('string');
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(await me.json()).toEqual({ user: body.user });
  });

  it('answers 401 invalid_credentials for a wrong password and an unknown user', async () => {
    const base = await start();
    for (const body of [
      { username: 'duty', password: 'nope' },
      { username: 'ghost', password: 'demo' },
    ]) {
      const res = await login(base, body);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('invalid_credentials');
    }
  });

  it('answers 422 naming the field for a malformed body, and 400 for broken JSON', async () => {
    const base = await start();
    const res = await login(base, { username: 'duty' });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i: { path: string }) => i.path)).toContain('password');
    expect((await login(base, [1, 2])).status).toBe(422);
    expect((await login(base, '{"username":')).status).toBe(400);
  });

  it('locks username + IP after repeated failures with 429, even for the right password', async () => {
    const base = await start();
    for (let i = 0; i < 3; i++) expect((await login(base, { username: 'leader', password: 'bad' })).status).toBe(401);
    const locked = await login(base, { username: 'leader', password: 'bad' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await locked.json()).error.code).toBe('too_many_attempts');
    expect((await login(base, { username: 'leader', password: 'demo' })).status).toBe(429);
    expect((await login(base, { username: 'duty', password: 'demo' })).status).toBe(200);
  });

  it('answers tokens with Cache-Control: no-store (login and refresh)', async () => {
    const base = await start();
    const res = await login(base, { username: 'duty', password: 'demo' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token } = await res.json();
    const refreshed = await fetch(`${base}/api/v1/auth/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a blocked address before hashing any password', async () => {
    const calls = vi.fn(async () => {
      throw new AppError(401, 'invalid_credentials', 'Invalid username or password');
    });
    const app = express();
    app.use(createAuthRouter({ ...auth, login: calls }, { throttle: { address: { points: 4, windowSec: 900, lockSec: 900 } } }));
    app.use(errorHandler({ error: () => undefined }));
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (let i = 0; i < 4; i++) expect((await login(base, { username: `spray${i}`, password: 'Summer2026!' })).status).toBe(401);
    const refused = await login(base, { username: 'spray-next', password: 'Summer2026!' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(calls).toHaveBeenCalledTimes(4);
  });
});

describe('GET /api/v1/auth/me', () => {
  it('answers 401 without a token', async () => {
    const res = await fetch(`${await start()}/api/v1/auth/me`);
    expect(res.status).toBe(401);
  });
});
