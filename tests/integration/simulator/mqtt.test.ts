import { connectAsync, type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { observationInput } from '../../../shared/schemas/observation.js';
import { startSimulator } from '../../../mock-data/simulator/index.js';
import { silentLog } from '../../../mock-data/simulator/log.js';
import { fixtureCity } from '../../unit/mock-data/simulator/fixture-city.js';
import { startFakeServer, waitFor } from './fake-server.js';

const BROKER = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('simulator with --mqtt', () => {
  it('publishes readings to cockpit/<city>/env/<kind>/<stationId> instead of posting them', async () => {
    // A city code no other test uses, so only this simulator's readings arrive.
    const city = { ...fixtureCity(), adcode: `4499${String(process.pid % 100).padStart(2, '0')}` };
    const received: Array<{ topic: string; payload: Record<string, unknown> }> = [];
    const sub: MqttClient = await connectAsync(BROKER, { reconnectPeriod: 0 });
    cleanups.push(() => sub.endAsync(true));
    await sub.subscribeAsync(`cockpit/${city.adcode}/env/#`, { qos: 1 });
    sub.on('message', (topic, payload) => received.push({ topic, payload: JSON.parse(payload.toString('utf8')) }));

    const server = await startFakeServer();
    cleanups.push(server.close);
    const sim = await startSimulator({
      url: server.url,
      key: 'k',
      scenario: 'normal',
      speed: 600,
      city,
      seed: 1,
      mqttUrl: BROKER,
      start: '2026-06-10T09:30:00+08:00',
      tickMs: 50,
      progressMs: 0,
      log: silentLog,
    });
    cleanups.push(() => sim.stop());
    const kinds = () => new Set(received.map((r) => r.topic.split('/')[3]));
    expect(await waitFor(() => kinds().size === 3 && sim.stats().sent.observation > 0)).toBe(true);
    await sim.stop();

    const first = received[0]!;
    const [root, cityLevel, env, kind, stationId] = first.topic.split('/');
    expect([root, cityLevel, env]).toEqual(['cockpit', city.adcode, 'env']);
    expect(city.stations.some((s) => s.id === stationId && s.kind === kind)).toBe(true);
    expect(Object.keys(first.payload).sort()).toEqual(['observedAt', 'values']);
    for (const r of received) {
      const [, , , k, id] = r.topic.split('/');
      expect(observationInput.safeParse({ ...r.payload, kind: k, stationId: id }).success).toBe(true);
    }
    expect(server.requests.some((r) => r.path === '/api/v1/ingest/observations')).toBe(false);
  });
});
