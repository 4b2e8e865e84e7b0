import { connect, type MqttClient } from 'mqtt';
import type { ObservationInput } from '../../shared/schemas/observation.js';
import type { SimLog } from './log.js';

/** Topic of one reading: `cockpit/<city>/env/<kind>/<stationId>` (the server's MQTT adapter layout). */
export function readingTopic(city: string, o: ObservationInput): string {
  return `cockpit/${city}/env/${o.kind}/${o.stationId}`;
}

/** Payload of one reading: `{observedAt, values}`, plus `exercise: true` in a drill. */
export function readingPayload(o: ObservationInput): string {
  return JSON.stringify({ observedAt: o.observedAt, values: o.values, ...(o.exercise ? { exercise: true } : {}) });
}

const PUBLISH_TIMEOUT_MS = 10_000;

export interface MqttSink {
  /** Resolves once connected, or after `timeoutMs` (then readings are dropped until it connects). */
  ready(timeoutMs: number): Promise<boolean>;
  /** Publishes readings (QoS 1); returns how many the broker acknowledged. */
  publish(readings: readonly ObservationInput[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * Sends readings to the broker as the stations themselves would. While the broker is
 * unreachable the client keeps reconnecting and readings are dropped (counted, logged
 * once per outage) rather than piling up in memory.
 */
export function createMqttSink(url: string, city: string, log: SimLog): MqttSink {
  const client: MqttClient = connect(url, { reconnectPeriod: 2000, connectTimeout: 10_000, clientId: `cockpit-sim-${process.pid}-${Date.now() % 100000}` });
  let warned = false;
  client.on('connect', () => {
    warned = false;
    log.info({ url }, 'simulator: MQTT connected');
  });
  client.on('error', (err) => log.warn({ url, err }, 'simulator: MQTT error'));
  return {
    ready(timeoutMs) {
      if (client.connected) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          client.off('connect', onConnect);
          resolve(false);
        }, timeoutMs).unref();
        const onConnect = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        client.once('connect', onConnect);
      });
    },
    async publish(readings) {
      if (!client.connected) {
        if (!warned) log.warn({ url, dropped: readings.length }, 'simulator: MQTT broker not connected, readings dropped');
        warned = true;
        return 0;
      }
      // A broker that vanishes mid-publish would hold the acks; never hold the tick longer than this.
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), PUBLISH_TIMEOUT_MS).unref());
      const results = readings.map((o) =>
        client.publishAsync(readingTopic(city, o), readingPayload(o), { qos: 1 }).then(
          () => 1,
          () => 0,
        ),
      );
      const acked = await Promise.race([Promise.all(results), timeout]);
      return acked === 'timeout' ? 0 : acked.reduce<number>((a, b) => a + b, 0);
    },
    async close() {
      await client.endAsync(true);
    },
  };
}
