import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../server/src/audit/audit-chain.js';
import type { AuditItem } from '../../../server/src/audit/audit.repository.js';
import { gridEvent } from '../../fixtures/payloads.js';
import { liveClient, startTestServer, type TestServer } from '../../helpers/test-server.js';

interface Page {
  items: AuditItem[];
  nextCursor: string | null;
}

describe('audit log and administration API', () => {
  let srv: TestServer;
  let admin: string;
  const call = async (method: string, path: string, body?: unknown, token = admin) =>
    fetch(`${srv.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const login = (username: string, password: string) =>
    fetch(`${srv.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const audit = async (query: string): Promise<Page> => (await (await call('GET', `/api/v1/audit?${query}`)).json()) as Page;

  beforeAll(async () => {
    srv = await startTestServer();
    admin = await srv.token('admin');
  }, 120_000);
  afterAll(() => srv.close());

  it('records sign-ins and failed ones with the name tried, the reason and the address; pages newest first', async () => {
    expect((await login('admin', 'wrong')).status).toBe(401);
    expect((await login('nobody', 'demo')).status).toBe(401);
    const failed = await audit('action=auth.login_failed');
    expect(failed.items.map((i) => [i.actor, i.detail.reason, i.ip])).toEqual([
      ['nobody', 'unknown_user', '127.0.0.1'],
      ['admin', 'wrong_password', '127.0.0.1'],
    ]);
    const ok = await audit('action=auth.login&actor=admin');
    expect(ok.items[0]).toMatchObject({ actor: 'admin', role: 'admin', action: 'auth.login', target: 'admin' });
    const first = await audit('action=auth.*&limit=1');
    expect(first.items).toHaveLength(1);
    const second = await audit(`action=auth.*&limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0]!.seq).toBeLessThan(first.items[0]!.seq);
    expect((await call('GET', '/api/v1/audit', undefined, await srv.token('duty'))).status).toBe(403);
    expect((await call('GET', '/api/v1/audit?from=yesterday')).status).toBe(422);
  });

  it('creates, changes and resets accounts, auditing before/after and never a password; an admin cannot disable or demote itself', async () => {
    const created = await call('POST', '/api/v1/admin/users', { username: 'clerk', password: 'clerk-password-1', role: 'duty' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ username: 'clerk', role: 'duty', districts: null, disabled: false });
    expect((await call('POST', '/api/v1/admin/users', { username: 'clerk', password: 'clerk-password-1', role: 'duty' })).status).toBe(409);
    const noDistricts = await call('PATCH', '/api/v1/admin/users/clerk', { role: 'grid' });
    expect(noDistricts.status).toBe(422);
    expect(JSON.stringify(await noDistricts.json())).toContain('districts');
    const moved = await call('PATCH', '/api/v1/admin/users/clerk', { role: 'grid', districts: ['441702'] });
    expect(await moved.json()).toMatchObject({ role: 'grid', districts: ['441702'] });
    expect((await audit('action=user.update&target=clerk')).items[0]!.detail).toEqual({ before: { role: 'duty', districts: null }, after: { role: 'grid', districts: ['441702'] } });
    expect((await call('PATCH', '/api/v1/admin/users/admin', { disabled: true })).status).toBe(409);
    expect((await call('PATCH', '/api/v1/admin/users/admin', { role: 'duty' })).status).toBe(409);
    expect((await call('PATCH', '/api/v1/admin/users/ghost', { disabled: true })).status).toBe(404);
    expect((await call('POST', '/api/v1/admin/users/clerk/password', { password: 'short' })).status).toBe(422);
    expect((await call('POST', '/api/v1/admin/users/clerk/password', { password: 'clerk-password-2' })).status).toBe(204);
    expect((await login('clerk', 'clerk-password-2')).status).toBe(200);
    const list = (await (await call('GET', '/api/v1/admin/users')).json()) as { items: { username: string; disabled: boolean; createdAt: string }[] };
    expect(list.items.find((u) => u.username === 'clerk')).toMatchObject({ disabled: false, createdAt: expect.any(String) });
    const all = JSON.stringify((await audit('target=clerk&limit=500')).items);
    expect(all).toContain('user.password_reset');
    expect(all).not.toContain('clerk-password');
    expect((await call('GET', '/api/v1/admin/users', undefined, await srv.token('duty'))).status).toBe(403);
  });

  it('disabling an account refuses its token and sign-in and closes its live sockets', async () => {
    const token = ((await (await login('clerk', 'clerk-password-2')).json()) as { token: string }).token;
    const socket = await liveClient(srv.url, token);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expect((await call('GET', '/api/v1/auth/me', undefined, token)).status).toBe(200);
    expect((await call('PATCH', '/api/v1/admin/users/clerk', { disabled: true })).status).toBe(200);
    expect((await call('GET', '/api/v1/auth/me', undefined, token)).status).toBe(401);
    expect((await login('clerk', 'clerk-password-2')).status).toBe(401);
    await closed;
    expect((await audit('action=auth.login_failed&actor=clerk')).items[0]!.detail).toEqual({ reason: 'disabled' });
    expect((await call('PATCH', '/api/v1/admin/users/clerk', { disabled: false })).status).toBe(200);
    expect((await call('GET', '/api/v1/auth/me', undefined, token)).status).toBe(200);
  });

  it('issues a key once, summarises its use per minute, shows when it was last used, and revokes it', async () => {
    const res = await call('POST', '/api/v1/admin/keys', { name: 'sensors-east' });
    expect(res.status).toBe(201);
    const { id, key } = (await res.json()) as { id: string; key: string };
    const send = () =>
      fetch(`${srv.url}/api/v1/ingest/grid-events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify([gridEvent(), gridEvent()]),
      });
    expect((await send()).status).toBe(202);
    expect((await send()).status).toBe(202);
    await srv.app.ingestUse.flush(true);
    const use = await audit(`action=ingest.use&target=${id}`);
    expect(use.items).toHaveLength(1);
    expect(use.items[0]).toMatchObject({ actor: 'sensors-east', role: 'ingest', detail: { requests: 2, failed: 0, items: 4, interfaces: { 'POST /api/v1/ingest/grid-events': 2 } } });
    const keys = (await (await call('GET', '/api/v1/admin/keys')).json()) as { items: { id: string; lastUsedAt: string | null; revokedAt: string | null }[] };
    expect(keys.items.find((k) => k.id === id)!.lastUsedAt).not.toBeNull();
    expect((await call('DELETE', `/api/v1/admin/keys/${id}`)).status).toBe(204);
    expect((await send()).status).toBe(401);
    expect((await call('DELETE', `/api/v1/admin/keys/${id}`)).status).toBe(404);
    const trail = JSON.stringify((await audit(`target=${id}`)).items);
    expect(trail).toContain('key.create');
    expect(trail).toContain('key.revoke');
    expect(trail).not.toContain(key);
  });

  it('records who started and ended a drill', async () => {
    const duty = await srv.token('duty');
    const started = (await (await call('POST', '/api/v1/drills', { name: '台风演练' }, duty)).json()) as { id: string };
    expect((await call('POST', `/api/v1/drills/${started.id}/end`, undefined, duty)).status).toBe(200);
    const rows = (await audit(`target=${started.id}`)).items;
    expect(rows.map((r) => [r.action, r.actor, r.role])).toEqual([
      ['drill.end', 'duty', 'duty'],
      ['drill.start', 'duty', 'duty'],
    ]);
  });

  it('exports CSV quoted, with cells that would run as formulas defused', async () => {
    await login('=HYPERLINK("http://evil","x"),1', 'demo');
    const res = await call('GET', '/api/v1/audit.csv?action=auth.login_failed');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,role,action,target,ip,detail');
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil"",""x""),1",anonymous,auth.login_failed,`);
    expect(lines[1]).toMatch(/,"\{""reason"":""unknown_user""\}"$/);
    expect(lines.filter(Boolean)).toHaveLength(1 + (await audit('action=auth.login_failed&limit=500')).items.length);
  });

  it('reports the system health to admins only', async () => {
    const res = await call('GET', '/api/v1/admin/health');
    expect(await res.json()).toMatchObject({
      database: { engine: 'pglite', ok: true, latencyMs: expect.any(Number) },
      redis: null,
      mqtt: { configured: false, connected: false },
      simulator: { lastIngestAt: expect.any(String), drill: null },
      live: { clients: expect.any(Number) },
      uptimeS: expect.any(Number),
      version: expect.any(String),
    });
    expect((await call('GET', '/api/v1/admin/health', undefined, await srv.token('leader'))).status).toBe(403);
  });

  it('leaves an intact chain behind all of it', async () => {
    const check = await verifyAuditChain(srv.db);
    expect(check.ok).toBe(true);
    expect(check.rows).toBeGreaterThan(15);
  });
});
