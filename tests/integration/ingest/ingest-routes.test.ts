import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestRouter } from '../../../server/src/http/ingest.routes.js';
import { AppError } from '../../../server/src/errors.js';
import { createFakeStore, startApp, verifyKey } from './fakes.js';

const KEY = 'test-ingest-key';
const capFixture = (name: string) => readFileSync(new URL(`../../fixtures/cap/${name}`, import.meta.url), 'utf8');
const csvFixture = (name: string) => readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');
const event = (i: number) => ({
  sourceId: `INSP-${i}`,
  source: 'inspector',
  category: 'manhole_cover',
  title: '井盖缺失',
  location: { lon: 111.98, lat: 21.86 },
  reportedAt: '2026-07-01T09:00:00+08:00',
});

let store: ReturnType<typeof createFakeStore>;
let app: Awaited<ReturnType<typeof startApp>>;

beforeEach(async () => {
  store = createFakeStore();
  app = await startApp(createIngestRouter({ ingest: store.ingest, verifyIngestKey: verifyKey(KEY), limits: { bodyBytes: 64 * 1024, items: 50 } }));
});
afterEach(() => app.close());

async function post(path: string, body: string, type: string | null, key: string | null = KEY) {
  const headers: Record<string, string> = {};
  if (type) headers['content-type'] = type;
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(`${app.url}/api/v1/ingest/${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: res.status, body: JSON.parse(text) };
}
const postJson = (path: string, body: unknown, key?: string | null) => post(path, JSON.stringify(body), 'application/json', key);

describe('ingest: accepted requests', () => {
  it('grid-events: one object → 202 with its id, after the service stored it', async () => {
    const res = await postJson('grid-events', event(1));
    expect(res).toEqual({ status: 202, body: { accepted: 1, ids: ['case-1'] } });
    expect(store.calls.gridEvents).toEqual([[expect.objectContaining({ sourceId: 'INSP-1', source: 'inspector' })]]);
  });

  it('grid-events: an array, the same sourceId stored once', async () => {
    await postJson('grid-events', [event(1), event(2)]);
    const again = await postJson('grid-events', [event(1)]);
    expect(again.body).toEqual({ accepted: 1, ids: ['case-1'] });
    expect(store.cases.size).toBe(2);
  });

  it('alerts: JSON alert with defaults applied', async () => {
    const res = await postJson('alerts', { sourceId: 'A1', sender: 's', sent: '2026-07-01T08:00:00+08:00', category: 'flood', event: '洪水蓝色预警', level: 'blue' });
    expect(res.status).toBe(202);
    expect(store.calls.alerts[0]?.[0]).toMatchObject({ status: 'Actual', msgType: 'Alert', level: 'blue' });
  });

  it.each(['application/cap+xml', 'application/xml', 'text/xml; charset=utf-8'])('cap: CAP 1.2 as %s', async (type) => {
    const res = await post('cap', capFixture('alert-typhoon-orange.xml'), type);
    expect(res).toEqual({ status: 202, body: { accepted: 1, ids: ['alert-44170041600000-TY-20260714-0800'] } });
    expect(store.calls.alerts[0]?.[0]).toMatchObject({ category: 'typhoon', level: 'orange', msgType: 'Alert' });
  });

  it('cap: an Update carries the referenced sender,identifier,sent triple to the service', async () => {
    await post('cap', capFixture('update-typhoon-red.xml'), 'application/cap+xml');
    expect(store.calls.alerts[0]?.[0]).toMatchObject({ msgType: 'Update', references: ['yjqxt@gd.cma.gov.cn,44170041600000-TY-20260714-0800,2026-07-14T08:00:00+08:00'], level: 'red' });
  });

  it('observations: a batch envelope', async () => {
    const obs = { kind: 'air', stationId: 'YJ-A01', observedAt: '2026-07-01T09:00:00+08:00', values: { pm25: 35 } };
    const res = await postJson('observations', { observations: [obs, { ...obs, stationId: 'YJ-A02' }] });
    expect(res.body.accepted).toBe(2);
    expect(store.calls.observations[0]).toHaveLength(2);
  });

  it('indicators: JSON and text/csv', async () => {
    expect((await postJson('indicators', { code: 'gdp', region: '441700', period: '2026-Q2', value: 398.6 })).status).toBe(202);
    const csv = await post('indicators', csvFixture('indicators-good.csv'), 'text/csv; charset=utf-8');
    expect(csv).toMatchObject({ status: 202, body: { accepted: 4 } });
    expect(store.calls.indicators[1]?.[0]).toMatchObject({ code: 'gdp', cumulative: 781.2, annualTarget: 1650 });
  });
});

describe('ingest: refused requests never reach the service', () => {
  afterEach(() => expect(store.totalCalls).toBe(0));

  it('401 without or with a wrong ingest key', async () => {
    const none = await postJson('grid-events', event(1), null);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    expect((await postJson('grid-events', event(1), 'wrong')).body.error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('Invalid') });
  });

  it('415 for a wrong Content-Type, naming the expected one', async () => {
    const res = await post('grid-events', JSON.stringify(event(1)), 'text/plain');
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('application/json') });
    expect((await post('cap', capFixture('alert-typhoon-orange.xml'), 'application/json')).status).toBe(415);
    expect((await post('indicators', 'code,region', 'application/vnd.ms-excel')).status).toBe(415);
  });

  it('400 for malformed JSON and for an empty body', async () => {
    const res = await post('alerts', '{"sourceId": ', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
    expect((await post('alerts', '', 'application/json')).body.error.code).toBe('empty_body');
  });

  it('413 for a body over the limit, and for too many items', async () => {
    const big = await postJson('grid-events', { ...event(1), description: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('64 KB') });
    const many = await postJson(
      'grid-events',
      Array.from({ length: 51 }, (_, i) => event(i)),
    );
    expect(many.status).toBe(413);
    expect(many.body.error.code).toBe('too_many_items');
  });

  it('422 naming the item and field; the valid items are not stored either', async () => {
    const res = await postJson('grid-events', [event(1), event(2), event(3), { ...event(4), location: { lon: 111, lat: 95 } }]);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: '3.location.lat', message: expect.any(String) }] });
  });

  it('400 for malformed CAP XML, 422 for an incomplete CAP alert', async () => {
    const bad = await post('cap', capFixture('malformed-unclosed.xml'), 'application/cap+xml');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('malformed_xml');
    const incomplete = await post('cap', capFixture('invalid-missing-severity.xml'), 'application/cap+xml');
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.issues[0].path).toBe('alert.info[0].severity');
  });

  it('422 for a bad CSV row, naming the row', async () => {
    const res = await post('indicators', csvFixture('indicators-bad.csv'), 'text/csv');
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['row 3.period', 'row 4.value']);
  });
});

describe('ingest: service errors', () => {
  it('passes an AppError of the service through and answers no 202', async () => {
    store.fail(new AppError(409, 'conflict', 'alert already cancelled'));
    const res = await post('cap', capFixture('cancel-typhoon.xml'), 'application/cap+xml');
    expect(res).toEqual({ status: 409, body: { error: { code: 'conflict', message: 'alert already cancelled', issues: [] } } });
  });

  it('answers 500 (not 202) when storage fails', async () => {
    store.fail(new Error('disk full'));
    const res = await postJson('grid-events', event(1));
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal');
  });
});
