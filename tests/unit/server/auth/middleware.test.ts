import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { requireUser } from '../../../../server/src/auth/middleware.js';
import { createTokenIssuer } from '../../../../server/src/auth/tokens.js';
import { errorHandler } from '../../../../server/src/http/errors.js';

const issuer = createTokenIssuer({ secret: 'm'.repeat(40), ttlSeconds: 600, mode: 'demo' });
const auth = { verifyToken: issuer.verify };

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())).then(() => void (server = undefined)));

async function start(): Promise<string> {
  const app = express();
  app.get('/any', requireUser(auth), (req, res) => void res.json({ user: req.user }));
  app.get('/duty-only', requireUser(auth, 'drills:command'), (req, res) => void res.json({ user: req.user }));
  app.use(errorHandler({ error: () => undefined }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server!.once('listening', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('requireUser', () => {
  it('answers 401 with a JSON error and WWW-Authenticate without a token', async () => {
    const res = await fetch(`${await start()}/any`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('answers 401 for an invalid token', async () => {
    const res = await fetch(`${await start()}/any`, { headers: bearer('not.a.token') });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_token');
  });

  it('sets req.user for a valid token', async () => {
    const token = await issuer.sign({ username: 'grid', role: 'grid', districts: ['441702'] });
    const res = await fetch(`${await start()}/any`, { headers: bearer(token) });
    expect(await res.json()).toEqual({ user: { username: 'grid', role: 'grid', districts: ['441702'] } });
  });

  it('answers 403 for a role not allowed and 200 for one that is', async () => {
    const base = await start();
    const grid = await issuer.sign({ username: 'grid', role: 'grid', districts: ['441702'] });
    const duty = await issuer.sign({ username: 'duty', role: 'duty', districts: null });
    const refused = await fetch(`${base}/duty-only`, { headers: bearer(grid) });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    expect((await fetch(`${base}/duty-only`, { headers: bearer(duty) })).status).toBe(200);
  });
});
