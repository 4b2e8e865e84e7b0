import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClient, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, gridEvent } from '../../fixtures/payloads.js';

// The test server's secret (tests/helpers/test-server.ts): tokens as a server would sign them.
const SECRET = 'test-secret-test-secret-test-secret-42';
const gridToken = (districts: string[] | null) =>
  new SignJWT({ role: 'grid', districts })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('nowhere')
    .setIssuer('city-cockpit')
    .setAudience('city-cockpit:demo')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));

const READS = [
  '/api/v1/incidents',
  '/api/v1/alerts',
  '/api/v1/stations',
  '/api/v1/stations/x/readings',
  '/api/v1/resources',
  '/api/v1/cameras',
  '/api/v1/indicators',
  '/api/v1/kpi',
  '/api/v1/kpi/history',
  '/api/v1/stats/case-trend',
  '/api/v1/stats/air-trend',
  `/api/v1/replay?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`,
];

describe('a grid token without districts gets nothing, never the whole city', () => {
  /**
   * Tokens are checked against the stored account, whose districts count (not the token's), so
   * the account 'nowhere' is stored with the district list under test — bypassing the account
   * rules that refuse it, as a damaged row or an older version might have.
   */
  async function storeNowhere(districts: readonly string[] | null): Promise<void> {
    await srv.db.query(
      `insert into users (username, password_hash, role, districts) values ('nowhere', 'x', 'grid', $1)
       on conflict (username) do update set districts = excluded.districts`,
      [districts],
    );
    srv.auth.invalidate();
  }

  let srv: TestServer;
  let caseId: string;
  let alertId: string;
  beforeAll(async () => {
    srv = await startTestServer();
    const res = await srv.ingest('/api/v1/ingest/grid-events', gridEvent());
    caseId = ((await res.json()) as { ids: string[] }).ids[0]!;
    alertId = ((await (await srv.ingest('/api/v1/ingest/alerts', alertJson())).json()) as { ids: string[] }).ids[0]!;
  });
  afterAll(async () => srv.close());

  it.each([
    ['an empty district list', []],
    ['no district list at all', null],
  ] as const)('HTTP reads and actions, with %s', async (_name, districts) => {
    await storeNowhere(districts);
    const before = await (await srv.get(`/api/v1/incidents/${caseId}`)).text();
    const auth = { authorization: `Bearer ${await gridToken(districts as string[] | null)}` };
    for (const path of [...READS, `/api/v1/incidents/${caseId}`]) {
      const res = await fetch(`${srv.url}${path}`, { headers: auth });
      expect([403, 404], `${path} → ${res.status}`).toContain(res.status);
    }
    const act = await fetch(`${srv.url}/api/v1/incidents/${caseId}/actions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'register', version: 1 }),
    });
    expect([403, 404, 422]).toContain(act.status);
    expect(await (await srv.get(`/api/v1/incidents/${caseId}`)).text()).toBe(before);
  });

  it.each([
    ['an empty district list', []],
    ['no district list at all', null],
  ] as const)('domain actions, with %s', async (_name, districts) => {
    // The domain applies the district rule itself, whoever calls it (not only the HTTP layer's normalised token).
    const user = { username: 'nowhere', role: 'grid' as const, districts: districts as string[] | null };
    await expect(srv.app.domain.grid.act(caseId, 'register', user, { version: 1 })).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(srv.app.domain.alerts.acknowledge(alertId, user, 'seen')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it.each([
    ['an empty district list', []],
    ['no district list at all', null],
  ] as const)('live subscribe, with %s', async (_name, districts) => {
    await storeNowhere(districts);
    const socket = await liveClient(srv.url, await gridToken(districts as string[] | null));
    try {
      const res = await socket.subscribe({ topics: ['grid', 'alerts', 'env', 'economy', 'kpi'] });
      expect(res.ok).toBe(false);
    } finally {
      socket.close();
    }
  });
});
