import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, capXml, gridEvent } from '../../fixtures/payloads.js';

/** A closed ring of `n` points (first equals last) around 江城区, [lon, lat]. */
function bigRing(n: number): [number, number][] {
  const ring = Array.from({ length: n - 1 }, (_, i): [number, number] => [111.95 + 0.05 * Math.cos((2 * Math.PI * i) / (n - 1)), 21.86 + 0.05 * Math.sin((2 * Math.PI * i) / (n - 1))]);
  return [...ring, ring[0]!];
}
const capRing = (n: number) =>
  bigRing(n)
    .map(([lon, lat]) => `${lat.toFixed(6)},${lon.toFixed(6)}`)
    .join(' ');

const TABLES = ['cases', 'case_timeline', 'alerts', 'alert_messages', 'observations', 'indicators'];

interface Case {
  name: string;
  path: string;
  body: unknown;
  type?: string;
  status: number;
  /** An issue path the error must name. */
  names?: string;
}

const CASES: Case[] = [
  { name: 'grid: not JSON', path: '/api/v1/ingest/grid-events', body: '{"sourceId": ', status: 400 },
  { name: 'grid: latitude out of range', path: '/api/v1/ingest/grid-events', body: [gridEvent(), gridEvent({ location: { lon: 111.9, lat: 95 } })], status: 422, names: '1.location.lat' },
  { name: 'grid: unknown category', path: '/api/v1/ingest/grid-events', body: [gridEvent(), gridEvent({ category: 'no-such' })], status: 422, names: '1.category' },
  { name: 'grid: empty array', path: '/api/v1/ingest/grid-events', body: [], status: 422 },
  { name: 'grid: wrong content type', path: '/api/v1/ingest/grid-events', body: 'x', type: 'text/plain', status: 415 },
  { name: 'alerts: bad level', path: '/api/v1/ingest/alerts', body: [alertJson(), alertJson({ level: 'purple' })], status: 422, names: '1.level' },
  { name: 'alerts: cancel of an unknown alert', path: '/api/v1/ingest/alerts', body: [alertJson(), alertJson({ msgType: 'Cancel', references: ['nope'] })], status: 422, names: '1.references' },
  { name: 'alerts: reference that is no triple', path: '/api/v1/ingest/alerts', body: [alertJson({ msgType: 'Update', references: ['a,b'] })], status: 422, names: '0.references.0' },
  {
    name: 'alerts: over 500 geocodes in an area',
    path: '/api/v1/ingest/alerts',
    body: [alertJson({ areas: [{ areaDesc: 'x', geocodes: Array.from({ length: 501 }, () => ({ valueName: 'adcode', value: '441702' })) }] })],
    status: 422,
    names: '0.areas.0.geocodes',
  },
  {
    name: 'alerts: over 20,000 polygon points in one alert',
    path: '/api/v1/ingest/alerts',
    body: [alertJson({ areas: [{ areaDesc: 'x', polygons: [bigRing(9000), bigRing(9000), bigRing(9000)] }] })],
    status: 422,
    names: '0.areas',
  },
  {
    name: 'alerts: polygon over 10,000 points',
    path: '/api/v1/ingest/alerts',
    body: [alertJson({ areas: [{ areaDesc: 'x', polygons: [bigRing(10_001)] }] })],
    status: 422,
    names: '0.areas.0.polygons.0',
  },
  { name: 'cap: not XML', path: '/api/v1/ingest/cap', body: '<alert><identifier>x</alert>', type: 'application/cap+xml', status: 400 },
  { name: 'cap: bad severity', path: '/api/v1/ingest/cap', body: capXml({ identifier: 'bad-sev', severity: 'Huge' }), type: 'application/cap+xml', status: 422, names: 'severity' },
  {
    name: 'cap: cancel of unknown',
    path: '/api/v1/ingest/cap',
    body: capXml({ identifier: 'c1', msgType: 'Cancel', references: 'yjqx@gd.gov.cn,nope,2026-01-01T00:00:00+08:00' }),
    type: 'application/cap+xml',
    status: 422,
    names: 'alert.references',
  },
  {
    name: 'cap: polygon over 10,000 points',
    path: '/api/v1/ingest/cap',
    body: capXml({ identifier: 'big', polygon: capRing(10_001) }),
    type: 'application/cap+xml',
    status: 422,
    names: 'alert.info[0].area[0].polygon[0]',
  },
  { name: 'cap: 100,001-point polygon over the CAP size limit', path: '/api/v1/ingest/cap', body: capXml({ identifier: 'huge', polygon: capRing(100_001) }), type: 'application/cap+xml', status: 413 },
  {
    name: 'observations: unknown station',
    path: '/api/v1/ingest/observations',
    body: [{ kind: 'air', stationId: 'nope', observedAt: new Date().toISOString(), values: { pm25: 10 } }],
    status: 422,
    names: '0.stationId',
  },
  {
    name: 'observations: negative concentration',
    path: '/api/v1/ingest/observations',
    body: [{ kind: 'air', stationId: 'x', observedAt: new Date().toISOString(), values: { pm25: -1 } }],
    status: 422,
    names: '0.values.pm25',
  },
  { name: 'indicators: bad period', path: '/api/v1/ingest/indicators', body: [{ code: 'gdp', region: '441700', period: '2026-13', value: 1 }], status: 422, names: '0.period' },
  { name: 'indicators: CSV with a bad number', path: '/api/v1/ingest/indicators', body: 'code,region,period,value\ngdp,441700,2026-Q1,12x', type: 'text/csv', status: 422 },
  { name: 'too large', path: '/api/v1/ingest/grid-events', body: `[${' '.repeat(12 * 1024 * 1024)}]`, status: 413 },
];

describe('malformed input on every ingest endpoint: a clear 4xx, nothing stored', () => {
  let srv: TestServer;
  let counts: () => Promise<Record<string, number>>;
  beforeAll(async () => {
    srv = await startTestServer();
    counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, (await srv.db.query<{ n: number }>(`select count(*)::int as n from ${t}`)).rows[0]!.n])));
  });
  afterAll(async () => srv.close());

  it.each(CASES)('$name → $status', async (c) => {
    const before = await counts();
    const res = await srv.ingest(c.path, c.body, c.type);
    expect(res.status).toBe(c.status);
    const body = (await res.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
    expect(body.error.code).toEqual(expect.any(String));
    expect(body.error.message).toEqual(expect.any(String));
    if (c.names) expect(body.error.issues.map((i) => i.path).join(' ')).toContain(c.names);
    expect(await counts()).toEqual(before);
  });

  it('no key or a wrong key → 401, nothing stored', async () => {
    const before = await counts();
    const res = await fetch(`${srv.url}/api/v1/ingest/grid-events`, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' },
      body: JSON.stringify(gridEvent()),
    });
    expect(res.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('read API: bad filters → 422, unknown route → 404 JSON, no token → 401', async () => {
    expect((await srv.get('/api/v1/incidents?status=sleeping')).status).toBe(422);
    expect((await srv.get('/api/v1/incidents?cursor=garbage')).status).toBe(400);
    expect((await srv.get('/api/v1/replay?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z')).status).toBe(422);
    const nf = await srv.get('/api/v1/nothing-here');
    expect(nf.status).toBe(404);
    expect(((await nf.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await fetch(`${srv.url}/api/v1/incidents`)).status).toBe(401);
  });
});
