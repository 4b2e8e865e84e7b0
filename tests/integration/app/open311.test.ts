import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, INGEST_KEY, type TestServer } from '../../helpers/test-server.js';
import { JIANGCHENG } from '../../fixtures/payloads.js';

describe('Open311 GeoReport v2 end to end', () => {
  let srv: TestServer;
  beforeEach(async () => {
    srv = await startTestServer();
  });
  afterEach(async () => srv.close());

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
    const r = await fetch(`${srv.url}/api/v1/incidents/${id}/actions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'reject', note: '重复上报' }) });
    expect(r.status).toBe(200);
    const after = (await (await fetch(`${srv.url}/open311/v2/requests/${id}.json`)).json()) as { status: string }[];
    expect(after[0]!.status).toBe('closed');
  });

  it('refuses a missing api_key and a bad location with Open311 errors, storing nothing', async () => {
    const noKey = await fetch(`${srv.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ service_code: 'x', lat: '21.8', long: '111.9' }) });
    expect(noKey.status).toBe(403); // GeoReport v2: 403 for a missing or invalid api_key
    const bad = await fetch(`${srv.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ api_key: INGEST_KEY, service_code: 'manhole_cover', lat: 'north', long: '111.9' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: number; description: string }[])[0]!.description).toMatch(/lat/);
    const { rows } = await srv.db.query<{ n: number }>('select count(*)::int as n from cases');
    expect(rows[0]!.n).toBe(0);
  });
});
