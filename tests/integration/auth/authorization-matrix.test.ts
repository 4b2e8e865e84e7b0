import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { can, ROLES, type Permission, type Role } from '../../../shared/auth/policy.js';
import { LIVE_NAMESPACE } from '../../../shared/contracts/live.js';
import { createTokenIssuer } from '../../../server/src/auth/tokens.js';
import { CLIENT_FALLBACK_PATH } from '../../../server/src/app.js';
import { ROUTE_TABLE, SOCKET_EVENT_TABLE, type RouteAccess } from '../../../server/src/http/route-table.js';
import { INGEST_KEY, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { expressRoutes } from '../../helpers/express-routes.js';
import { alertJson, gridEvent } from '../../fixtures/payloads.js';

type Caller = 'none' | 'forged' | 'ingest-key' | Role;
const CALLERS: Caller[] = ['none', 'forged', 'ingest-key', ...ROLES];
type Expect = 'allowed' | 401 | 403 | 'denied' | 'any';

/** What the table says a caller gets: allowed means anything but 401/403; denied means 401 or 403. */
function expected(access: RouteAccess, caller: Caller): Expect {
  if (access === 'public') return caller === 'forged' || caller === 'ingest-key' ? 'any' : 'allowed'; // a bad token may be refused even where none is needed
  if (access === 'ingest') return caller === 'ingest-key' ? 'allowed' : 'denied';
  const [permission, orIngest] = access.split('|') as [Permission | 'user', string | undefined];
  if (caller === 'ingest-key') return orIngest ? 'allowed' : 401;
  if (caller === 'none' || caller === 'forged') return 401;
  return permission === 'user' || can({ role: caller }, permission) ? 'allowed' : 403;
}

function verdict(status: number): 'allowed' | 401 | 403 {
  return status === 401 || status === 403 ? status : 'allowed';
}

function matches(exp: Expect, status: number): boolean {
  const got = verdict(status);
  if (exp === 'any') return true;
  if (exp === 'denied') return got !== 'allowed';
  return got === exp;
}

/**
 * The request each route is called with: real ids where the handler looks a resource up
 * before checking the permission (a case action), otherwise bodies that fail validation so
 * that an allowed call changes nothing.
 */
function sampleBody(route: string): { type: string; body: string } {
  const json = (body: unknown) => ({ type: 'application/json', body: JSON.stringify(body) });
  if (route.startsWith('POST /open311/')) return { type: 'application/x-www-form-urlencoded', body: 'service_code=none' };
  if (route === 'POST /api/v1/incidents/:id/actions') return json({ action: 'register', version: 1 });
  if (route === 'POST /api/v1/incidents/actions') return json({ action: 'register', items: [{ id: 'matrix-none', version: 1 }] });
  if (route === 'POST /api/v1/admin/users/:username/password') return json({ password: 'matrix-password-1' });
  if (route.startsWith('PATCH ')) return json({});
  return json({ name: 5 });
}

/** The one route with a pattern for a path: every page of the client, served when it is built. */
const CLIENT_FALLBACK = `GET ${String(CLIENT_FALLBACK_PATH)}`;

describe('authorization matrix: every route and socket command against every kind of caller', () => {
  let srv: TestServer;
  const tokens = new Map<Caller, string | null>();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    srv = await startTestServer();
    const forger = createTokenIssuer({ secret: 'another-secret-another-secret-4242', ttlSeconds: 600, mode: 'demo' });
    tokens.set('none', null);
    tokens.set('forged', await forger.sign({ username: 'admin', role: 'admin', districts: null }));
    tokens.set('ingest-key', INGEST_KEY);
    for (const role of ROLES) tokens.set(role, await srv.token(role));
    const ev = (await (await srv.ingest('/api/v1/ingest/grid-events', gridEvent())).json()) as { ids: string[] };
    const al = (await (await srv.ingest('/api/v1/ingest/alerts', alertJson())).json()) as { ids: string[] };
    ids.incidents = ev.ids[0]!;
    ids.alerts = al.ids[0]!;
    const admin = { authorization: `Bearer ${tokens.get('admin')}`, 'content-type': 'application/json' };
    await fetch(`${srv.url}/api/v1/admin/users`, { method: 'POST', headers: admin, body: JSON.stringify({ username: 'matrix-user', password: 'matrix-password-0', role: 'leader' }) });
  }, 120_000);
  afterAll(() => srv.close());

  it('lists every route of the app in the route table, and nothing else', () => {
    // The built client's history fallback (app.ts serveClient) is public and exists only once
    // `dist/client` is built; its pattern leaves /api, /open311, /cap and /socket.io to the table.
    const routes = expressRoutes(srv.app.express).filter((r) => r !== CLIENT_FALLBACK);
    expect(
      routes.filter((r) => !(r in ROUTE_TABLE)),
      'routes without an entry in server/src/http/route-table.ts',
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_TABLE).filter((r) => !routes.includes(r)),
      'entries for routes that do not exist',
    ).toEqual([]);
  });

  it('answers each caller as the table says', async () => {
    const failures: string[] = [];
    for (const [route, access] of Object.entries(ROUTE_TABLE)) {
      const [method, pattern] = route.split(' ') as [string, string];
      const resource = /\/api\/v1\/(incidents|alerts)\//.exec(pattern)?.[1];
      const path = pattern
        .replace(':id', resource ? ids[resource]! : 'matrix-none')
        .replace(':username', 'matrix-user')
        .replace(':code', 'none')
        .replace(':format', 'json');
      for (const caller of CALLERS) {
        const token = tokens.get(caller);
        const sample = sampleBody(route);
        const headers: Record<string, string> = { 'content-type': sample.type, ...(token ? { authorization: `Bearer ${token}` } : {}) };
        const res = await fetch(`${srv.url}${path}`, { method, headers, body: method === 'GET' ? undefined : sample.body });
        await res.arrayBuffer();
        const exp = expected(access, caller);
        if (!matches(exp, res.status)) failures.push(`${route} as ${caller}: expected ${exp}, got ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('connects only a user token to /live, and answers each socket command as the table says', async () => {
    for (const caller of ['none', 'forged', 'ingest-key'] as const) {
      const token = tokens.get(caller);
      const socket = connect(`${srv.url}${LIVE_NAMESPACE}`, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
      const err = await new Promise<Error | null>((resolve) => {
        socket.once('connect', () => resolve(null));
        socket.once('connect_error', resolve);
      });
      socket.close();
      expect(err?.message, `${caller} must not connect`).toMatch(/unauthorized/);
    }
    const samples: Record<string, unknown> = { 'live:subscribe': { topics: ['kpi'] }, 'live:unsubscribe': { topics: ['kpi'] } };
    for (const role of ROLES) {
      const socket = connect(`${srv.url}${LIVE_NAMESPACE}`, { auth: { token: tokens.get(role) }, transports: ['websocket'], forceNew: true, reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const serverSide = [...srv.app.io.of(LIVE_NAMESPACE).sockets.values()].find((s) => s.id === socket.id)!;
      const events = serverSide
        .eventNames()
        .map(String)
        .filter((e) => !['disconnect', 'disconnecting', 'error'].includes(e));
      expect(
        events.filter((e) => !(e in SOCKET_EVENT_TABLE)),
        'socket commands without an entry',
      ).toEqual([]);
      for (const [event, access] of Object.entries(SOCKET_EVENT_TABLE)) {
        const ack = (await socket.timeout(10_000).emitWithAck(event, samples[event])) as { ok: boolean; error?: { code: string } };
        const exp = expected(access, role);
        expect(ack.ok ? 'allowed' : ack.error?.code === 'forbidden' ? 403 : 'allowed', `${event} as ${role}`).toBe(exp);
      }
      socket.close();
    }
  }, 120_000);
});
