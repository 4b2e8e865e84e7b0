import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpen311Router } from '../../../server/src/http/open311.routes.js';
import { catalogue } from '../../unit/server/ingest/open311-fixtures.js';
import { createFakeStore, startApp, verifyKey } from './fakes.js';
import { AppError } from '../../../server/src/errors.js';
import type { AuthUser } from '../../../server/src/auth/types.js';
import type { GridCase } from '../../../shared/schemas/grid-event.js';

/** Bearer tokens the fake accepts: a grid user of 江城区 (441702) and a city-wide leader. */
const USERS: Record<string, AuthUser> = {
  'grid-token': { username: 'grid', role: 'grid', districts: ['441702'] },
  'leader-token': { username: 'leader', role: 'leader', districts: null },
};
const verifyToken = async (token: string) => {
  const user = USERS[token];
  if (!user) throw new AppError(401, 'unauthorized', 'invalid token');
  return user;
};

const KEY = 'open311-key';
const NOW = new Date('2026-07-01T12:00:00Z');

let store: ReturnType<typeof createFakeStore>;
let app: Awaited<ReturnType<typeof startApp>>;

beforeEach(async () => {
  store = createFakeStore();
  const { categories, departments } = catalogue();
  // The fake stamps cases with the time of the request; pin "now" just after it.
  app = await startApp(
    createOpen311Router({ ingest: store.ingest, cases: store.queries, categories, departments, verifyIngestKey: verifyKey(KEY), verifyToken, now: () => new Date(Date.now() + 1000) }),
  );
});
afterEach(() => app.close());

const base = () => `${app.url}/open311/v2`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const request = (over: Record<string, string> = {}) => form({ api_key: KEY, service_code: 'manhole_cover', lat: '21.86', long: '111.98', description: '人民路口井盖缺失', first_name: '明', ...over });

async function postRequest(body: URLSearchParams | string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base()}/requests.json`, { method: 'POST', body, headers });
  return { status: res.status, body: await res.json() };
}

describe('Open311 services', () => {
  it('lists the case categories as services (JSON)', async () => {
    const res = await fetch(`${base()}/services.json`);
    expect(res.status).toBe(200);
    const services = await res.json();
    expect(services.map((s: { service_code: string }) => s.service_code)).toEqual(['manhole_cover', 'illegal_parking']);
    expect(services[0]).toMatchObject({ metadata: false, type: 'realtime', group: '部件' });
  });

  it('lists them as XML too', async () => {
    const res = await fetch(`${base()}/services.xml`);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><services><service><service_code>manhole_cover<\/service_code>/);
  });

  it('answers a service definition with <service_definition> as the XML root', async () => {
    const xml = await (await fetch(`${base()}/services/manhole_cover.xml`)).text();
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><service_definition><service_code>manhole_cover</service_code><attributes/></service_definition>');
    expect(await (await fetch(`${base()}/services/manhole_cover.json`)).json()).toEqual({ service_code: 'manhole_cover', attributes: [] });
  });

  it('answers 404 in the Open311 error format for unknown formats and resources', async () => {
    const csv = await fetch(`${base()}/services.csv`);
    expect(csv.status).toBe(404);
    expect(await csv.json()).toEqual([{ code: 404, description: expect.stringContaining('.json or .xml') }]);
    const other = await fetch(`${base()}/tokens/1.json`);
    expect(other.status).toBe(404);
    expect((await other.json())[0].code).toBe(404);
  });
});

describe('Open311 POST requests', () => {
  it('files a grid event from source open311 and answers with its id', async () => {
    const res = await postRequest(request());
    expect(res.status).toBe(201);
    expect(res.body).toEqual([{ service_request_id: 'case-1', service_notice: expect.stringContaining('24'), account_id: null }]);
    expect(store.calls.gridEvents[0]?.[0]).toMatchObject({ source: 'open311', category: 'manhole_cover', kind: 'facility', location: { lon: 111.98, lat: 21.86 }, reporter: '明' });
  });

  it('stores a retried POST once when it carries the same request_token or Idempotency-Key', async () => {
    const a = await postRequest(request({ request_token: 'retry-1' }));
    const b = await postRequest(request({ request_token: 'retry-1' }));
    expect(b.body[0].service_request_id).toBe(a.body[0].service_request_id);
    const c = await postRequest(request(), { 'idempotency-key': 'k-9' });
    const d = await postRequest(request(), { 'idempotency-key': 'k-9' });
    expect(d.body[0].service_request_id).toBe(c.body[0].service_request_id);
    const e = await postRequest(request());
    expect(e.body[0].service_request_id).not.toBe(c.body[0].service_request_id);
    expect(store.cases.size).toBe(3);
  });

  it('refuses a missing or wrong api_key with 403, storing nothing', async () => {
    const none = await postRequest(request({ api_key: '' }));
    expect(none).toEqual({ status: 403, body: [{ code: 403, description: expect.stringContaining('api_key') }] });
    expect((await postRequest(request({ api_key: 'nope' }))).status).toBe(403);
    expect(store.totalCalls).toBe(0);
  });

  it('answers 400 naming the problem: unknown service, no coordinates, bad lat', async () => {
    const unknown = await postRequest(request({ service_code: 'graffiti' }));
    expect(unknown).toEqual({ status: 400, body: [{ code: 400, description: expect.stringContaining('graffiti') }] });
    const noCoords = await postRequest(form({ api_key: KEY, service_code: 'manhole_cover', address_string: '人民路' }));
    expect(noCoords.body[0].description).toContain('lat and long are required');
    const badLat = await postRequest(request({ lat: 'abc' }));
    expect(badLat.body[0].description).toContain('lat');
    expect(store.totalCalls).toBe(0);
  });

  it('answers 415 for a JSON body', async () => {
    const res = await postRequest(JSON.stringify({ api_key: KEY }), { 'content-type': 'application/json' });
    expect(res.status).toBe(415);
    expect(res.body[0].description).toContain('application/x-www-form-urlencoded');
  });
});

describe('Open311 GET requests', () => {
  it('reads back a filed request by id and in the list, status open', async () => {
    const posted = await postRequest(request({ address_string: '人民路 1 号' }));
    const id = posted.body[0].service_request_id;
    const one = await fetch(`${base()}/requests/${id}.json`);
    expect(await one.json()).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'open',
        service_code: 'manhole_cover',
        service_name: '井盖缺失',
        address: '人民路 1 号',
        lat: 21.86,
        long: 111.98,
      }),
    ]);
    const list = await (await fetch(`${base()}/requests.json?status=open`)).json();
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    expect(await (await fetch(`${base()}/requests.json?status=closed`)).json()).toEqual([]);
    const byIds = await (await fetch(`${base()}/requests.json?service_request_id=${id},unknown`)).json();
    expect(byIds).toHaveLength(1);
  });

  it('shows closed cases as closed', async () => {
    await postRequest(request());
    const c = store.cases.get('case-1')!;
    store.cases.set('case-1', { ...c, status: 'evaluated' });
    expect((await (await fetch(`${base()}/requests/case-1.json`)).json())[0].status).toBe('closed');
  });

  it('answers XML for .xml', async () => {
    await postRequest(request());
    const xml = await (await fetch(`${base()}/requests/case-1.xml`)).text();
    expect(xml).toContain('<service_requests><request><service_request_id>case-1</service_request_id><status>open</status>');
  });

  it('answers 404 for an unknown id and 400 for a bad query', async () => {
    const missing = await fetch(`${base()}/requests/nope.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: 'service_request_id nope not found' }]);
    const bad = await fetch(`${base()}/requests.json?start_date=${encodeURIComponent(NOW.toISOString())}&end_date=2026-01-01T00:00:00Z`);
    expect(bad.status).toBe(400);
    const badXml = await fetch(`${base()}/requests.xml?status=pending`);
    expect(badXml.status).toBe(400);
    expect(await badXml.text()).toContain('<errors><error><code>400</code>');
  });
});

describe('Open311 media, closing notes and who may read what', () => {
  const get = async (path: string, token?: string) => {
    const res = await fetch(`${base()}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: res.status, body: await res.json() };
  };
  const put = (c: Partial<GridCase> & { id: string }) => store.cases.set(c.id, { ...store.cases.get('case-1')!, ...c });

  it('stores media_url in its own field and returns it, leaving the description as written', async () => {
    await postRequest(request({ media_url: 'https://photos.example.cn/p/1.jpg' }));
    expect(store.calls.gridEvents[0]![0]).toMatchObject({ mediaUrl: 'https://photos.example.cn/p/1.jpg', description: '人民路口井盖缺失' });
    const [one] = (await get('/requests/case-1.json')).body;
    expect(one).toMatchObject({ media_url: 'https://photos.example.cn/p/1.jpg', description: '人民路口井盖缺失' });
  });

  it('carries the closing note of a closed or rejected request in status_notes, nothing while open', async () => {
    await postRequest(request());
    expect((await get('/requests/case-1.json')).body[0].status_notes).toBeNull();
    put({ id: 'case-1', status: 'closed' });
    store.extras.set('case-1', { mediaUrl: null, closingNote: '井盖已更换' });
    expect((await get('/requests/case-1.json')).body[0]).toMatchObject({ status: 'closed', status_notes: '井盖已更换' });
  });

  it('shows the public only requests filed through Open311, never other sources or drills', async () => {
    await postRequest(request());
    put({ id: 'inspector-1', source: 'inspector' });
    put({ id: 'drill-1', exercise: true });
    const list = (await get('/requests.json')).body as { service_request_id: string }[];
    expect(list.map((r) => r.service_request_id)).toEqual(['case-1']);
    expect(Object.keys(list[0]!).sort()).toEqual([
      'address',
      'address_id',
      'agency_responsible',
      'description',
      'expected_datetime',
      'lat',
      'long',
      'media_url',
      'requested_datetime',
      'service_code',
      'service_name',
      'service_notice',
      'service_request_id',
      'status',
      'status_notes',
      'updated_datetime',
      'zipcode',
    ]);
    expect((await get('/requests/inspector-1.json')).status).toBe(404);
    expect((await get('/requests.json?service_request_id=inspector-1,drill-1')).body).toEqual([]);
    const drill = await get('/requests.json?exercise=true');
    expect(drill.status).toBe(401);
    expect(drill.body[0].description).toContain('exercise');
  });

  it('shows a signed-in grid user every case of its districts only, and refuses a bad token', async () => {
    await postRequest(request());
    put({ id: 'inspector-1', source: 'inspector' });
    put({ id: 'far-1', source: 'hotline', district: '441781' });
    const ids = (r: { body: { service_request_id: string }[] }) => r.body.map((x) => x.service_request_id).sort();
    expect(ids(await get('/requests.json', 'grid-token'))).toEqual(['case-1', 'inspector-1']);
    expect(ids(await get('/requests.json', 'leader-token'))).toEqual(['case-1', 'far-1', 'inspector-1']);
    expect((await get('/requests/far-1.json', 'grid-token')).status).toBe(404);
    expect((await get('/requests/far-1.json', 'leader-token')).status).toBe(200);
    expect((await get('/requests.json', 'forged')).status).toBe(401);
  });

  it('returns each case once however often its service_code is repeated', async () => {
    await postRequest(request());
    for (const q of ['service_code=manhole_cover,manhole_cover', 'service_code=manhole_cover&service_code=manhole_cover']) {
      expect((await get(`/requests.json?${q}`)).body, q).toHaveLength(1);
    }
  });
});
