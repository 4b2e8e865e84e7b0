import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, INGEST_KEY, type TestServer } from '../../helpers/test-server.js';
import { JIANGCHENG, YANGCHUN, gridEvent } from '../../fixtures/payloads.js';

describe('Open311 GeoReport v2 end to end', () => {
  // One server for the file (a boot per test timed out its setup hook under load); every test
  // starts without cases, as the counts below expect.
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  beforeEach(() => srv.db.exec('truncate cases, case_timeline'));
  afterAll(async () => srv?.close());

  it('lists services, creates a request, lists and gets it with status derived from the lifecycle', async () => {
    const services = (await (await fetch(`${srv.url}/open311/v2/services.json`)).json()) as { service_code: string }[];
    expect(services.length).toBeGreaterThan(5);
    const code = services[0]!.service_code;

    const form = new URLSearchParams({ api_key: INGEST_KEY, service_code: code, lat: String(JIANGCHENG.lat), long: String(JIANGCHENG.lon), description: '路口井盖缺失', first_name: '李' });
    const created = await fetch(`${srv.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(created.status).toBeLessThan(300);
    const [{ service_request_id: id }] = (await created.json()) as { service_request_id: string }[] as [{ service_request_id: string }];
    expect(id).toEqual(expect.any(String));

    const one = (await (await fetch(`${srv.url}/open311/v2/requests/${id}.json`)).json()) as Record<string, unknown>[];
    expect(one[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: code, lat: JIANGCHENG.lat, long: JIANGCHENG.lon });

    const list = (await (await fetch(`${srv.url}/open311/v2/requests.json?status=open`)).json()) as { service_request_id: string }[];
    expect(list.map((r) => r.service_request_id)).toContain(id);
    const closedList = (await (await fetch(`${srv.url}/open311/v2/requests.json?status=closed`)).json()) as unknown[];
    expect(closedList).toHaveLength(0);

    // The supervision centre rejects it as not a case: Open311 now reports it closed.
    const token = await srv.token('duty');
    const r = await fetch(`${srv.url}/api/v1/incidents/${id}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'reject', version: 1, note: '重复上报' }),
    });
    expect(r.status).toBe(200);
    const after = (await (await fetch(`${srv.url}/open311/v2/requests/${id}.json`)).json()) as { status: string }[];
    expect(after[0]!.status).toBe('closed');
  });

  it('refuses a missing api_key and a bad location with Open311 errors, storing nothing', async () => {
    const noKey = await fetch(`${srv.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ service_code: 'x', lat: '21.8', long: '111.9' }),
    });
    expect(noKey.status).toBe(403); // GeoReport v2: 403 for a missing or invalid api_key
    const bad = await fetch(`${srv.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: INGEST_KEY, service_code: 'manhole_cover', lat: 'north', long: '111.9' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: number; description: string }[])[0]!.description).toMatch(/lat/);
    const { rows } = await srv.db.query<{ n: number }>('select count(*)::int as n from cases');
    expect(rows[0]!.n).toBe(0);
  });

  const post311 = (fields: Record<string, string>) =>
    fetch(`${srv.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: INGEST_KEY, service_code: 'manhole_cover', lat: String(JIANGCHENG.lat), long: String(JIANGCHENG.lon), ...fields }),
    });
  const read = async (path: string, token?: string) => {
    const res = await fetch(`${srv.url}/open311/v2/${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: res.status, body: (await res.json()) as Record<string, unknown>[] };
  };

  it('stores media_url in its own column, returns it, and gives a rejected request its note in status_notes', async () => {
    const created = await post311({ description: '井盖缺失', media_url: 'https://photos.example.cn/a.jpg' });
    const [{ service_request_id: id }] = (await created.json()) as [{ service_request_id: string }];
    const { rows } = await srv.db.query<{ media_url: string; description: string }>('select media_url, description from cases where id = $1', [id]);
    expect(rows[0]).toEqual({ media_url: 'https://photos.example.cn/a.jpg', description: '井盖缺失' });
    expect((await read(`requests/${id}.json`)).body[0]).toMatchObject({ media_url: 'https://photos.example.cn/a.jpg', description: '井盖缺失', status_notes: null });
    const token = await srv.token('duty');
    await fetch(`${srv.url}/api/v1/incidents/${id}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'reject', version: 1, note: '重复上报，已并入 2026-118 号案卷' }),
    });
    expect((await read(`requests/${id}.json`)).body[0]).toMatchObject({ status: 'closed', status_notes: '重复上报，已并入 2026-118 号案卷' });
  });

  it("shows anonymous readers only Open311 requests, never drills; a grid token sees its district's cases of every source", async () => {
    const [{ service_request_id: mine }] = (await (await post311({ description: '公开' })).json()) as [{ service_request_id: string }];
    await post311({ description: '演练', exercise: 'true' });
    const inspector = gridEvent();
    const far = gridEvent({ location: YANGCHUN, source: 'hotline' });
    expect((await srv.ingest('/api/v1/ingest/grid-events', [inspector, far])).status).toBe(202);
    const ids = (r: { body: Record<string, unknown>[] }) => r.body.map((x) => x.service_request_id);

    expect(ids(await read('requests.json'))).toEqual([mine]);
    expect(ids(await read('requests.json?service_code=manhole_cover,manhole_cover&service_code=manhole_cover'))).toEqual([mine]);
    expect((await read('requests.json?exercise=true')).status).toBe(401);
    const grid = ids(await read('requests.json', await srv.token('grid')));
    expect(grid).toHaveLength(2);
    expect(grid).toContain(mine);
    expect(ids(await read('requests.json', await srv.token('leader')))).toHaveLength(3);
    expect(ids(await read('requests.json?exercise=true', await srv.token('grid')))).toHaveLength(1);
  });

  it('refuses a requested_datetime from the future or before 2000 with 422 naming it, storing nothing', async () => {
    for (const at of ['2099-01-01T00:00:00+08:00', '0001-01-01T00:00:00Z']) {
      const res = await post311({ requested_datetime: at });
      expect(res.status, at).toBe(422);
      expect(((await res.json()) as { description: string }[])[0]!.description).toMatch(/^requested_datetime/);
    }
    const { rows } = await srv.db.query<{ n: number }>('select count(*)::int as n from cases');
    expect(rows[0]!.n).toBe(0);
  });
});
