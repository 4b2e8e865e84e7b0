import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { pino } from 'pino';
import { liveClient, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { startMqttIngest, type MqttIngest } from '../../../server/src/ingest/mqtt.adapter.js';
import type { Observation } from '../../../shared/schemas/index.js';

const BROKER = 'mqtt://127.0.0.1:1883';

describe('MQTT sensor topics over the local Mosquitto, into the real server', () => {
  let srv: TestServer;
  let ingest: MqttIngest;
  // A topic root of its own keeps parallel runs on the shared broker apart.
  const city = `9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
  beforeEach(async () => {
    srv = await startTestServer();
    ingest = startMqttIngest({ url: BROKER, city, ingest: srv.app.domain.ingest, log: pino({ level: 'silent' }), shared: false });
    await ingest.ready;
  });
  afterEach(async () => {
    await ingest.close();
    await srv.close();
  });

  it('a reading published on a station topic is stored, assessed and pushed live', async () => {
    const stations = (await (await srv.get('/api/v1/stations?kind=water')).json()) as { items: { id: string }[] };
    const station = stations.items[0]!.id;
    const client = await liveClient(srv.url, await srv.token('leader'));
    await client.subscribe({ topics: ['env'] });
    const pub = await mqtt.connectAsync(BROKER);
    const observedAt = new Date(Math.floor(Date.now() / 3600_000) * 3600_000).toISOString();
    await pub.publishAsync(`cockpit/${city}/env/water/${station}`, JSON.stringify({ observedAt, values: { ph: 7.4, do: 6.5, codmn: 3.1, nh3n: 0.4, tp: 0.12, tn: 1.8 } }), { qos: 1 });
    const d = await client.waitFor('env', (x) => (x.items as Observation[]).some((o) => o.stationId === station));
    // TP 0.12 mg/L is class III for rivers; the rest are class II or better, and a river is never graded on TN (1.8 would be V).
    expect((d.items as Observation[]).find((o) => o.stationId === station)!.assessment.waterClass).toBe('III');
    const { rows } = await srv.db.query<{ n: number }>('select count(*)::int as n from observations where station_id = $1', [station]);
    expect(rows[0]!.n).toBe(1);
    await pub.endAsync();
    client.close();
  });

  it('a reading dated in the future is refused on the errors topic naming observedAt, and stored nowhere', async () => {
    const station = '441702-water-01';
    const pub = await mqtt.connectAsync(BROKER);
    await pub.subscribeAsync(`cockpit/${city}/env/errors`, { qos: 1 });
    const refused = new Promise<{ error: { code: string; issues: { path: string }[] } }>((resolve) => {
      pub.on('message', (_t, payload) => resolve(JSON.parse(payload.toString())));
    });
    await pub.publishAsync(`cockpit/${city}/env/water/${station}`, JSON.stringify({ observedAt: '2099-01-01T00:00:00+08:00', values: { do: 8 } }), { qos: 1 });
    const { error } = await refused;
    expect(error.code).toBe('validation_failed');
    expect(error.issues[0]!.path).toMatch(/observedAt$/);
    const { rows } = await srv.db.query<{ n: number }>('select count(*)::int as n from observations');
    expect(rows[0]!.n).toBe(0);
    await pub.endAsync();
  });
});
