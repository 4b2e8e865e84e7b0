import { describe, expect, it } from 'vitest';
import { createHttpSink, refusedItems } from '../../../../mock-data/simulator/http-sink.js';
import type { SimLog } from '../../../../mock-data/simulator/log.js';
import { jsonRequest } from '../../../../mock-data/simulator/requests.js';

interface Call {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A fetch that answers from a script and records what it was sent. */
function scriptedFetch(answers: Array<Response | Error>) {
  const calls: Call[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string>, body: String(init.body) });
    const next = answers.shift() ?? new Response('{"accepted":1}', { status: 202 });
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof fetch;
  return { calls, impl };
}

function recordingLog() {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  const log: SimLog = {
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
  return { lines, log };
}

const error = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sink = (impl: typeof fetch, log: SimLog) => createHttpSink({ url: 'http://server/', key: 'secret', log, stopping: () => false, fetchImpl: impl, retryBaseMs: 1 });

describe('HTTP sink', () => {
  it('sends the ingest key as a Bearer token', async () => {
    const { calls, impl } = scriptedFetch([]);
    const result = await sink(impl, recordingLog().log).send(jsonRequest('grid', [{ sourceId: 'a' }]));
    expect(result).toEqual({ outcome: 'ok', accepted: 1 });
    expect(calls[0]!.url).toBe('http://server/api/v1/ingest/grid-events');
    expect(calls[0]!.headers.authorization).toBe('Bearer secret');
  });

  it('retries while the server is down or answers 5xx/429, then delivers', async () => {
    const { calls, impl } = scriptedFetch([new TypeError('fetch failed'), error(503, {}), error(429, {}), new Response('{}', { status: 202 })]);
    const result = await sink(impl, recordingLog().log).send(jsonRequest('observation', [{}, {}]));
    expect(result).toEqual({ outcome: 'ok', accepted: 2 });
    expect(calls).toHaveLength(4);
  });

  it('logs the error body of a 4xx and gives up without throwing', async () => {
    const { lines, log } = recordingLog();
    const { calls, impl } = scriptedFetch([error(401, { error: { code: 'unauthorized', message: 'bad key' } })]);
    const result = await sink(impl, log).send(jsonRequest('indicators', [{}]));
    expect(result.outcome).toBe('refused');
    expect(calls).toHaveLength(1);
    expect(JSON.stringify(lines)).toContain('bad key');
  });

  it('resends a batch without the items a 409 names', async () => {
    const conflict = error(409, { error: { code: 'invalid_transition', message: 'x', issues: [{ path: '1.status', message: 'cannot move' }] } });
    const { calls, impl } = scriptedFetch([conflict, new Response('{}', { status: 202 })]);
    const result = await sink(impl, recordingLog().log).send(jsonRequest('grid', [{ sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'c' }]));
    expect(result).toEqual({ outcome: 'refused', accepted: 2, status: 409 });
    expect(JSON.parse(calls[1]!.body)).toEqual([{ sourceId: 'a' }, { sourceId: 'c' }]);
  });

  it('drops a request after repeated 5xx', async () => {
    const { calls, impl } = scriptedFetch(Array.from({ length: 10 }, () => error(500, {})));
    const s = createHttpSink({ url: 'http://server', key: 'k', log: recordingLog().log, stopping: () => false, fetchImpl: impl, retryBaseMs: 1, max5xxAttempts: 3 });
    expect((await s.send(jsonRequest('grid', [{}]))).outcome).toBe('dropped');
    expect(calls).toHaveLength(3);
  });

  it('finds item indexes in error issues only when every issue names one', () => {
    expect(refusedItems({ error: { issues: [{ path: '3.status' }, { path: '0' }, { path: 'observations.7.values.pm25' }] } })).toEqual([3, 0, 7]);
    expect(refusedItems({ error: { issues: [{ path: '(root)' }] } })).toBeNull();
    expect(refusedItems({ error: { code: 'x' } })).toBeNull();
  });
});
