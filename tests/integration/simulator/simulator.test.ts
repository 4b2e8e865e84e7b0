import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { CityPackError } from '../../../server/src/city/city-pack.js';
import { gridEventInput, indicatorInput, observationBatch } from '../../../shared/schemas/index.js';
import { startSimulator, type Simulator } from '../../../mock-data/simulator/index.js';
import { silentLog } from '../../../mock-data/simulator/log.js';
import { startFakeServer, waitFor, type Recorded } from './fake-server.js';

const KEY = 'test-ingest-key';
/** A Wednesday morning: busy enough that every kind of message shows up within seconds. */
const START = '2026-06-10T09:30:00+08:00';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(respond?: Parameters<typeof startFakeServer>[0]) {
  const server = await startFakeServer(respond);
  cleanups.push(server.close);
  return server;
}

async function run(url: string, over: Partial<Parameters<typeof startSimulator>[0]> = {}): Promise<Simulator> {
  const sim = await startSimulator({ url, key: KEY, scenario: 'normal', speed: 1800, city: '441700', seed: 1, start: START, tickMs: 50, progressMs: 0, retryBaseMs: 20, log: silentLog, ...over });
  cleanups.push(() => sim.stop());
  return sim;
}

const on = (requests: Recorded[], path: string) => requests.filter((r) => r.path === path);
const xml = new XMLParser({ parseTagValue: false, ignoreAttributes: false });

describe('simulator against an HTTP server', () => {
  it('feeds every public ingest interface with the key', async () => {
    const server = await setup();
    const sim = await run(server.url);
    const paths = ['/api/v1/ingest/grid-events', '/api/v1/ingest/observations', '/api/v1/ingest/indicators', '/api/v1/ingest/cap', '/open311/v2/requests.json'];
    const seenAll = await waitFor(() => paths.every((p) => on(server.requests, p).length > 0));
    await sim.stop();
    expect(seenAll).toBe(true);
    const reqs = server.requests;

    for (const r of reqs.filter((x) => x.path.startsWith('/api/v1/ingest/'))) expect(r.headers.authorization).toBe(`Bearer ${KEY}`);

    const grid = on(reqs, '/api/v1/ingest/grid-events');
    expect(grid.every((r) => r.headers['content-type'] === 'application/json')).toBe(true);
    const events = grid.flatMap((r) => JSON.parse(r.body) as unknown[]);
    expect(events.every((e) => gridEventInput.safeParse(e).success)).toBe(true);

    for (const r of on(reqs, '/api/v1/ingest/observations')) expect(observationBatch.safeParse(JSON.parse(r.body)).success).toBe(true);

    const indicators = on(reqs, '/api/v1/ingest/indicators');
    expect(indicators.some((r) => r.headers['content-type'] === 'application/json')).toBe(true);
    const csv = indicators.filter((r) => r.headers['content-type'] === 'text/csv');
    expect(csv.length).toBeGreaterThan(0);
    expect(csv[0]!.body.split('\r\n')[0]).toMatch(/^code,region,period,value/);
    const json = indicators.filter((r) => r.headers['content-type'] === 'application/json').flatMap((r) => JSON.parse(r.body) as unknown[]);
    expect(json.every((i) => indicatorInput.safeParse(i).success)).toBe(true);

    const cap = on(reqs, '/api/v1/ingest/cap');
    expect(cap[0]!.headers['content-type']).toBe('application/cap+xml');
    const alert = xml.parse(cap[0]!.body).alert;
    expect(alert['@_xmlns']).toBe('urn:oasis:names:tc:emergency:cap:1.2');
    expect(alert.status).toBe('Actual');
    expect(alert.msgType).toBe('Alert');

    const open311 = on(reqs, '/open311/v2/requests.json');
    expect(open311[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(open311[0]!.body);
    expect(form.get('api_key')).toBe(KEY);
    expect(form.get('service_code')).toBeTruthy();
    expect(Number(form.get('lat'))).toBeGreaterThan(21);
    expect(Number(form.get('long'))).toBeGreaterThan(111);

    const stats = sim.stats();
    expect(stats.sent.grid).toBe(events.length);
    expect(stats.running).toBe(false);
  });

  it('sends a typhoon drill as CAP Exercise alerts and exercise grid events', async () => {
    const server = await setup();
    const sim = await run(server.url, { scenario: 'typhoon', speed: 3600 });
    const enough = await waitFor(() => on(server.requests, '/api/v1/ingest/cap').length >= 4);
    await sim.stop();
    expect(enough).toBe(true);
    const alerts = on(server.requests, '/api/v1/ingest/cap').map((r) => xml.parse(r.body).alert);
    expect(alerts.every((a) => a.status === 'Exercise')).toBe(true);
    expect(alerts.slice(0, 2).map((a) => a.msgType)).toEqual(['Alert', 'Update']);
    expect(alerts[1].references).toContain(`,${alerts[0].identifier},`);
    const events = on(server.requests, '/api/v1/ingest/grid-events').flatMap((r) => JSON.parse(r.body) as Array<{ exercise?: boolean }>);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.exercise === true)).toBe(true);
  });

  it('retries while the server answers 503 and delivers afterwards', async () => {
    let refusals = 3;
    const server = await setup(() => (refusals-- > 0 ? { status: 503, body: { error: { code: 'unavailable', message: 'starting' } } } : undefined));
    const sim = await run(server.url);
    const delivered = await waitFor(() => sim.stats().sent.indicators > 0);
    await sim.stop();
    expect(delivered).toBe(true);
    expect(sim.stats().retries).toBeGreaterThanOrEqual(3);
  });

  it('keeps running when the server refuses some requests with a 4xx', async () => {
    const server = await setup((r) =>
      r.path === '/api/v1/ingest/grid-events' ? { status: 422, body: { error: { code: 'validation_failed', message: 'nope', issues: [{ path: '(root)', message: 'nope' }] } } } : undefined,
    );
    const sim = await run(server.url);
    const going = await waitFor(() => sim.stats().refused >= 3 && sim.stats().sent.observation > 0);
    const stats = sim.stats();
    await sim.stop();
    expect(going).toBe(true);
    expect(stats.running).toBe(true);
    expect(stats.sent.grid).toBe(0);
  });

  it('waits for a server that is not up yet', async () => {
    const sim = await run('http://127.0.0.1:9', { retryBaseMs: 10 });
    const retried = await waitFor(() => sim.stats().retries >= 2);
    await sim.stop();
    expect(retried).toBe(true);
    expect(sim.stats().requests).toBeGreaterThan(0);
  });

  it('refuses to start, before sending anything, when the city pack does not exist', async () => {
    const server = await setup();
    await expect(run(server.url, { city: '999999' })).rejects.toBeInstanceOf(CityPackError);
    expect(server.requests).toEqual([]);
  });
});
