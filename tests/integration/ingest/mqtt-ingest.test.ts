import { randomBytes } from 'node:crypto';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMqttIngest, type MqttIngest } from '../../../server/src/ingest/mqtt.adapter.js';
import { createFakeStore } from './fakes.js';

const URL = process.env.MQTT_TEST_URL ?? 'mqtt://127.0.0.1:1883';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

let city: string;
let store: ReturnType<typeof createFakeStore>;
let ingest: MqttIngest;
let pub: MqttClient;

beforeEach(async () => {
  // A city code of its own per test keeps runs (and parallel workers) apart on the shared broker.
  city = `t${randomBytes(6).toString('hex')}`;
  store = createFakeStore();
  ingest = startMqttIngest({ url: URL, city, ingest: store.ingest, log: silent, sessionExpirySeconds: 0, clientId: `ingest-${city}` });
  pub = await connectAsync(URL, { clientId: `pub-${city}`, protocolVersion: 5 });
  await ingest.ready;
});

afterEach(async () => {
  await ingest.close();
  await pub.endAsync();
});

const reading = (pm25: number) => JSON.stringify({ observedAt: '2026-07-01T09:00:00+08:00', values: { pm25 } });

describe('MQTT ingest', () => {
  it('stores a reading published on cockpit/<city>/env/<kind>/<station>', async () => {
    await pub.publishAsync(`cockpit/${city}/env/air/YJ-A01`, reading(35), { qos: 1 });
    await vi.waitFor(() => expect(store.calls.observations.flat()).toHaveLength(1), { timeout: 5000 });
    expect(store.calls.observations[0]?.[0]).toEqual({ kind: 'air', stationId: 'YJ-A01', observedAt: '2026-07-01T09:00:00+08:00', values: { pm25: 35 } });
  });

  it('stores a batch topic and many readings, none lost', async () => {
    const batch = [{ kind: 'noise', stationId: 'N-1', observedAt: '2026-07-01T09:00:00+08:00', values: { leq: 58 } }];
    await pub.publishAsync(`cockpit/${city}/env/batch`, JSON.stringify(batch), { qos: 1 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => pub.publishAsync(`cockpit/${city}/env/air/S-${i}`, reading(i), { qos: 1 })));
    await vi.waitFor(() => expect(store.calls.observations.flat()).toHaveLength(21), { timeout: 5000 });
    expect(new Set(store.calls.observations.flat().map((o) => o.stationId)).size).toBe(21);
  });

  it('reports a bad message on cockpit/<city>/env/errors and keeps running', async () => {
    const errors: { topic: string; error: { code: string; issues: { path: string }[] } }[] = [];
    pub.on('message', (_t, payload) => errors.push(JSON.parse(payload.toString())));
    await pub.subscribeAsync(`cockpit/${city}/env/errors`, { qos: 1 });
    await pub.publishAsync(`cockpit/${city}/env/water/W-1`, JSON.stringify({ observedAt: '2026-07-01T09:00:00+08:00', values: { ph: 15 } }), { qos: 1 });
    await pub.publishAsync(`cockpit/${city}/env/air/A-1`, 'not json', { qos: 1 });
    await vi.waitFor(() => expect(errors).toHaveLength(2), { timeout: 5000 });
    expect(errors[0]).toMatchObject({ topic: `cockpit/${city}/env/water/W-1`, error: { code: 'validation_failed', issues: [{ path: 'values.ph' }] } });
    expect(errors[1]?.error.code).toBe('malformed_json');
    await pub.publishAsync(`cockpit/${city}/env/air/A-1`, reading(12), { qos: 1 });
    await vi.waitFor(() => expect(store.calls.observations.flat()).toHaveLength(1), { timeout: 5000 });
  });

  it('stores what it received before close() returns', async () => {
    const slowCity = `${city}s`;
    const slow = startMqttIngest({ url: URL, city: slowCity, ingest: store.ingest, log: silent, sessionExpirySeconds: 0, clientId: `ingest-${slowCity}`, batchMaxWaitMs: 60_000 });
    await slow.ready;
    await pub.publishAsync(`cockpit/${slowCity}/env/air/YJ-A09`, reading(80), { qos: 1 });
    await vi.waitFor(() => expect(slow.stats().received).toBe(1), { timeout: 5000 });
    expect(store.calls.observations).toHaveLength(0);
    await slow.close();
    expect(store.calls.observations.flat().map((o) => o.stationId)).toEqual(['YJ-A09']);
    expect(slow.stats()).toEqual({ received: 1, stored: 1, rejected: 0 });
  });
});
