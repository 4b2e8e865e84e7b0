import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_KEY, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, capXml, gridEvent } from '../../fixtures/payloads.js';
import { foldAllRollups } from '../../../server/src/domain/rollups/rollups.repository.js';

/**
 * Seeded, bounded fuzzing of every HTTP endpoint with text that cannot be stored (NUL,
 * unpaired surrogates) in each place a client controls: path parameters, query, body fields.
 * Each request must get a 4xx naming where the text was, never a 5xx, and change nothing
 * stored. To cover a new endpoint, add a line to ENDPOINTS.
 */

type Auth = 'none' | 'user' | 'ingest';
type BodyKind = 'json' | 'form' | 'csv' | 'xml';

interface Endpoint {
  method: 'GET' | 'POST';
  /** `:name` segments are path parameters the fuzzer fills. */
  path: string;
  auth: Auth;
  query?: string[];
  body?: { kind: BodyKind; template: () => Record<string, unknown> | string };
}

const OBS = () => ({ kind: 'air', stationId: 'x', observedAt: new Date().toISOString(), values: { pm25: 10 } });
const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/healthz', auth: 'none', query: ['x'] },
  { method: 'GET', path: '/readyz', auth: 'none', query: ['x'] },
  { method: 'POST', path: '/api/v1/auth/login', auth: 'none', body: { kind: 'json', template: () => ({ username: 'leader', password: 'wrong' }) } },
  { method: 'POST', path: '/api/v1/auth/refresh', auth: 'user', query: ['x'] },
  { method: 'GET', path: '/api/v1/auth/me', auth: 'user', query: ['x'] },
  { method: 'GET', path: '/basemap/land.geojson', auth: 'none', query: ['x'] },
  { method: 'POST', path: '/api/v1/ingest/grid-events', auth: 'ingest', body: { kind: 'json', template: () => gridEvent() } },
  { method: 'POST', path: '/api/v1/ingest/alerts', auth: 'ingest', body: { kind: 'json', template: () => alertJson() } },
  { method: 'POST', path: '/api/v1/ingest/cap', auth: 'ingest', body: { kind: 'xml', template: () => capXml({ identifier: `fz-${Math.random()}` }) } },
  { method: 'POST', path: '/api/v1/ingest/observations', auth: 'ingest', body: { kind: 'json', template: OBS } },
  { method: 'POST', path: '/api/v1/ingest/indicators', auth: 'ingest', body: { kind: 'json', template: () => ({ code: 'gdp', region: '441700', period: '2026-Q1', value: 1 }) } },
  { method: 'POST', path: '/api/v1/ingest/indicators', auth: 'ingest', body: { kind: 'csv', template: () => 'code,region,period,value\ngdp,441700,2026-Q1,12' } },
  { method: 'GET', path: '/open311/v2/services.:format', auth: 'none', query: ['jurisdiction_id'] },
  { method: 'GET', path: '/open311/v2/services/:code.:format', auth: 'none' },
  {
    method: 'POST',
    path: '/open311/v2/requests.:format',
    auth: 'none',
    body: { kind: 'form', template: () => ({ api_key: INGEST_KEY, service_code: 'road', lat: '21.86', long: '111.98', description: 'fuzz' }) },
  },
  { method: 'GET', path: '/open311/v2/requests.:format', auth: 'none', query: ['service_code', 'status', 'start_date', 'end_date', 'service_request_id'] },
  { method: 'GET', path: '/open311/v2/requests/:id.:format', auth: 'none' },
  { method: 'GET', path: '/api/v1/incidents', auth: 'user', query: ['status', 'district', 'category', 'cursor', 'limit', 'q', 'assignee', 'department', 'source', 'sort'] },
  { method: 'GET', path: '/api/v1/incidents/:id', auth: 'user' },
  { method: 'POST', path: '/api/v1/incidents/:id/actions', auth: 'user', body: { kind: 'json', template: () => ({ action: 'accept', version: 1, comment: 'x' }) } },
  { method: 'POST', path: '/api/v1/incidents/actions', auth: 'user', body: { kind: 'json', template: () => ({ action: 'register', items: [{ id: 'x1', version: 1 }], note: 'x' }) } },
  { method: 'GET', path: '/api/v1/nearby', auth: 'user', query: ['lon', 'lat', 'radius', 'kinds'] },
  { method: 'GET', path: '/api/v1/alerts', auth: 'user', query: ['state', 'district', 'exercise', 'limit'] },
  { method: 'POST', path: '/api/v1/alerts/:id/ack', auth: 'user', body: { kind: 'json', template: () => ({ comment: 'seen' }) } },
  { method: 'GET', path: '/api/v1/replay', auth: 'user', query: ['from', 'to', 'topics'] },
  { method: 'GET', path: '/api/v1/city', auth: 'user', query: ['x'] },
  { method: 'GET', path: '/api/v1/stations', auth: 'user', query: ['kind', 'district'] },
  { method: 'GET', path: '/api/v1/stations/:id/readings', auth: 'user', query: ['from', 'to'] },
  { method: 'GET', path: '/api/v1/resources', auth: 'user', query: ['district'] },
  { method: 'GET', path: '/api/v1/cameras', auth: 'user', query: ['district'] },
  { method: 'GET', path: '/api/v1/indicators', auth: 'user', query: ['code', 'region', 'from', 'to'] },
  { method: 'GET', path: '/api/v1/kpi', auth: 'user', query: ['district'] },
  { method: 'GET', path: '/api/v1/kpi/history', auth: 'user', query: ['from', 'to', 'district'] },
  { method: 'GET', path: '/api/v1/stats/case-trend', auth: 'user', query: ['hours', 'district', 'exercise'] },
  { method: 'GET', path: '/api/v1/stats/air-trend', auth: 'user', query: ['hours', 'district'] },
  { method: 'GET', path: '/api/v1/alerts/:id', auth: 'user' },
  { method: 'GET', path: '/api/v1/air/daily', auth: 'user', query: ['station', 'district', 'from', 'to', 'exercise'] },
  { method: 'GET', path: '/api/v1/air/daily/areas', auth: 'user', query: ['district', 'from', 'to', 'exercise'] },
  { method: 'GET', path: '/api/v1/drills', auth: 'user', query: ['state', 'limit'] },
  { method: 'POST', path: '/api/v1/drills', auth: 'user', body: { kind: 'json', template: () => ({ name: '台风演练', scenario: 'typhoon' }) } },
  { method: 'POST', path: '/api/v1/drills/:id/end', auth: 'user' },
];

const SEED = 20261206;
const RUNS = 25;
/** Written by the server's own jobs, not by requests. */
const JOB_TABLES = new Set(['kpi_samples', 'live_seq', 'live_deltas', 'schema_migrations']);

/** Text with one character no store accepts; JSON can carry unpaired surrogates, URLs and text bodies only NUL. */
const badText = (json: boolean) =>
  fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...(json ? ['\u0000', '\uD800', '\uDFFF', '\uDBFFa', 'a\uDC00'] : ['\u0000'])), fc.string({ maxLength: 6 })).map(([a, bad, b]) => a + bad + b);

/** A request with bad text in one place; `where` is what the error must name. */
interface Probe {
  path: string;
  init: RequestInit;
  where: string;
}

const probe = (ep: Endpoint): fc.Arbitrary<Probe> => {
  const params = [...ep.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const targets: fc.Arbitrary<{ kind: 'param' | 'query' | 'body'; field: string }>[] = [];
  const named = params.filter((p) => p !== 'format');
  if (named.length) targets.push(fc.constantFrom(...named).map((field) => ({ kind: 'param' as const, field })));
  targets.push(fc.constantFrom(...(ep.query ?? ['q'])).map((field) => ({ kind: 'query' as const, field })));
  if (ep.body) targets.push(fc.constant({ kind: 'body' as const, field: '' }));
  const jsonBody = ep.body?.kind === 'json';
  return fc.record({ target: fc.oneof(...targets), bad: badText(false), badJson: badText(jsonBody), key: fc.boolean() }).map(({ target, bad, badJson, key }) => {
    let path = ep.path.replace(/:(\w+)/g, (_, name: string) => (name === 'format' ? 'json' : target.kind === 'param' && target.field === name ? encodeURIComponent(bad) : 'x1'));
    if (target.kind === 'query') path += `?${encodeURIComponent(target.field)}=${encodeURIComponent(bad)}`;
    const headers: Record<string, string> = {};
    let body: string | undefined;
    let where = target.kind === 'param' ? '(path)' : target.field;
    if (ep.body) {
      const tpl = ep.body.template();
      const inject = target.kind === 'body';
      if (typeof tpl === 'string') {
        // A text body: NUL inside its text (a CSV cell, an XML element).
        body = inject ? tpl.replace(/(fuzz|gdp|<event>)/, `$1${bad}`) : tpl;
        headers['content-type'] = ep.body.kind === 'csv' ? 'text/csv' : 'application/cap+xml';
        where = inject ? '(root)' : where;
      } else {
        const fields = Object.keys(tpl);
        const field = key ? badJson : fields[bad.length % fields.length]!;
        const value = inject ? (key ? { ...tpl, [badJson]: 1 } : { ...tpl, [field]: ep.body.kind === 'json' ? badJson : bad }) : tpl;
        if (inject) where = key ? '' : field;
        if (ep.body.kind === 'form') {
          body = new URLSearchParams(value as Record<string, string>).toString();
          headers['content-type'] = 'application/x-www-form-urlencoded';
        } else {
          body = JSON.stringify(value);
          headers['content-type'] = 'application/json';
        }
      }
    }
    return { path, init: { method: ep.method, headers, body }, where };
  });
};

describe('fuzz: text that cannot be stored gets a 4xx on every endpoint, nothing stored', () => {
  let srv: TestServer;
  let digest: () => Promise<string>;
  const tokens: Partial<Record<Auth, string>> = {};

  beforeAll(async () => {
    srv = await startTestServer();
    // Something stored in every main table, so a change would show.
    expect((await srv.ingest('/api/v1/ingest/grid-events', gridEvent())).status).toBe(202);
    expect((await srv.ingest('/api/v1/ingest/alerts', alertJson())).status).toBe(202);
    // The case's rollup contribution folded now, not by the rollups job in the middle of a test.
    await foldAllRollups(srv.db);
    tokens.user = `Bearer ${await srv.token('duty')}`;
    tokens.ingest = `Bearer ${INGEST_KEY}`;
    const { rows } = await srv.db.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`);
    const tables = rows.map((r) => r.t).filter((t) => !JOB_TABLES.has(t));
    digest = async () => {
      const h = createHash('sha256');
      for (const t of tables) {
        const { rows: r } = await srv.db.query<{ d: string | null }>(`select md5(string_agg(x::text, '|' order by x::text)) as d from ${t} x`);
        h.update(`${t}:${r[0]!.d}\n`);
      }
      return h.digest('hex');
    };
  });
  afterAll(async () => srv.close());

  it("the probe's two anonymous 500s: a login username with U+0000, ?service_code=%00 on Open311", async () => {
    const before = await digest();
    const login = await fetch(`${srv.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lead\u0000er', password: 'x' }) });
    expect(login.status).toBe(400);
    expect(((await login.json()) as { error: { code: string; issues: { path: string }[] } }).error).toMatchObject({ code: 'invalid_text', issues: [{ path: 'username' }] });
    const open311 = await fetch(`${srv.url}/open311/v2/requests.json?service_code=%00`);
    expect(open311.status).toBe(400);
    expect(await open311.text()).toContain('service_code');
    expect(await digest()).toBe(before);
  });

  it.each(ENDPOINTS.map((ep) => [`${ep.method} ${ep.path}${ep.body ? ` (${ep.body.kind})` : ''}`, ep] as const))('%s', async (_name, ep) => {
    const before = await digest();
    await fc.assert(
      fc.asyncProperty(probe(ep), async (p) => {
        const headers = { ...(p.init.headers as Record<string, string>), ...(tokens[ep.auth] ? { authorization: tokens[ep.auth]! } : {}) };
        const res = await fetch(`${srv.url}${p.path}`, { ...p.init, headers });
        const text = await res.text();
        expect(res.status, `${p.path} ${String(p.init.body).slice(0, 120)} → ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, text).toBeLessThan(500);
        if (p.where && res.headers.get('content-type')?.includes('json') && !p.path.startsWith('/open311/')) {
          expect(text, 'the error names the field').toContain(JSON.stringify(p.where).slice(1, -1));
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(await digest()).toBe(before);
  });
});
