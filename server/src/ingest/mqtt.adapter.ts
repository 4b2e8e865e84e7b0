import { hostname } from 'node:os';
import { connect, type MqttClient } from 'mqtt';
import type { IngestService } from '../domain/ports.js';
import { AppError } from '../errors.js';
import { createBatcher } from './batcher.js';
import { storeEntries, type MqttEntry } from './mqtt-store.js';
import { checkTopicLevel, decodeMqttMessage, mqttTopics } from './mqtt-message.js';

/** The pino-compatible logger the adapter writes to. */
export interface IngestLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface MqttIngestOptions {
  url: string;
  /** City adcode: the second topic level. */
  city: string;
  ingest: Pick<IngestService, 'observations'>;
  log: IngestLog;
  /** Default `cockpit-ingest-<city>-<host>-<pid>`; set a stable id to resume the session after a restart. */
  clientId?: string;
  /** MQTT 5 session expiry: how long the broker queues QoS 1 messages while we are away (0 = clean session). Default 300. */
  sessionExpirySeconds?: number;
  /** Subscribe as the shared group `$share/cockpit-ingest-<city>/…` so that several nodes split the load. Default true. */
  shared?: boolean;
  batchMaxMessages?: number;
  batchMaxWaitMs?: number;
}

/** Running totals since start, e.g. for metrics. */
export interface MqttIngestStats {
  /** Messages that decoded into valid readings. */
  received: number;
  /** Readings the service stored. */
  stored: number;
  /** Messages reported on the errors topic. */
  rejected: number;
}

export interface MqttIngest {
  /** Resolves once the subscriptions are granted (it waits through broker outages). */
  ready: Promise<void>;
  stats(): MqttIngestStats;
  /** Whether the broker connection is up now. */
  connected(): boolean;
  /** Stops acknowledging, stores what was received, and disconnects (the subscription stays with a persistent session). */
  close(): Promise<void>;
}

function errorBody(err: unknown) {
  return err instanceof AppError ? err.toJSON().error : { code: 'internal', message: 'Storage failed after retries; the message was dropped', issues: [] };
}

/**
 * Subscribes to the city's sensor topics (see `mqttTopics`) with QoS 1, validates each
 * message, batches them (up to `batchMaxMessages` or `batchMaxWaitMs`) into one
 * `ingest.observations()` call, and publishes what it could not store to the errors topic.
 *
 * Delivery: mqtt.js handles inbound packets strictly one at a time and sends PUBACK when
 * the handler returns, so holding every PUBACK until its batch is stored would stall the
 * connection at one message per batch. PUBACK is therefore sent when a message joins the
 * batch; when a full batch is being stored, the next PUBACK waits for it (backpressure).
 * A crash can lose at most the batch being collected (≤ ~200 ms of readings); messages
 * not yet acknowledged are redelivered by the broker (persistent session).
 */
export function startMqttIngest(opts: MqttIngestOptions): MqttIngest {
  checkTopicLevel(opts.city);
  const { log, city } = opts;
  const topics = mqttTopics(city);
  const group = opts.shared === false ? '' : `$share/cockpit-ingest-${city}/`;
  const expiry = opts.sessionExpirySeconds ?? 300;
  const client: MqttClient = connect(opts.url, {
    clientId: opts.clientId ?? `cockpit-ingest-${city}-${hostname()}-${process.pid}`,
    protocolVersion: 5,
    clean: expiry === 0,
    properties: expiry > 0 ? { sessionExpiryInterval: expiry } : undefined,
    reconnectPeriod: 2000,
  });

  const stats: MqttIngestStats = { received: 0, stored: 0, rejected: 0 };
  const counted: Pick<IngestService, 'observations'> = {
    async observations(items) {
      const result = await opts.ingest.observations(items);
      stats.stored += items.length;
      return result;
    },
  };

  const report = (entry: { topic: string; payload?: string }, err: unknown) => {
    stats.rejected++;
    const error = errorBody(err);
    log.warn({ topic: entry.topic, error }, 'MQTT message rejected');
    const body = { topic: entry.topic, receivedAt: new Date().toISOString(), error, payload: entry.payload };
    client.publish(topics.errors, JSON.stringify(body), { qos: 1 }, (e) => {
      if (e) log.warn({ err: e }, 'could not publish to the MQTT errors topic');
    });
  };

  const batcher = createBatcher<MqttEntry>({
    maxItems: opts.batchMaxMessages ?? 500,
    maxWaitMs: opts.batchMaxWaitMs ?? 200,
    flush: (entries) => storeEntries(entries, counted, report),
    onError: (err) => log.error({ err }, 'MQTT batch failed'),
  });

  let closing = false;
  client.on('message', (topic, payload) => {
    if (closing) return;
    try {
      const items = decodeMqttMessage(topic, payload, city);
      stats.received++;
      batcher.add({ topic, items });
    } catch (err) {
      report({ topic, payload: payload.toString('utf8').slice(0, 1000) }, err);
    }
  });
  client.handleMessage = (_packet, done) => {
    // `done` sends the PUBACK and lets mqtt.js read the next packet.
    if (!closing)
      batcher.room().then(
        () => done(),
        () => done(),
      );
  };
  client.on('error', (err) => log.warn({ err }, 'MQTT client error'));
  client.on('offline', () => log.warn({ url: opts.url }, 'MQTT broker unreachable; reconnecting'));

  const subscriptions = [topics.readings, topics.batch].map((t) => `${group}${t}`);
  const ready = new Promise<void>((resolve) => {
    // Once: mqtt.js re-subscribes by itself after a reconnect.
    client.once('connect', () => {
      client.subscribe(subscriptions, { qos: 1 }, (err) => {
        if (err) return log.error({ err, subscriptions }, 'MQTT subscribe failed');
        log.info({ subscriptions }, 'MQTT ingest subscribed');
        resolve();
      });
    });
  });

  return {
    ready,
    stats: () => ({ ...stats }),
    connected: () => client.connected,
    async close() {
      // Not unsubscribing keeps a persistent session's subscription; messages that arrive
      // from now on are never acknowledged, so the broker redelivers them later.
      closing = true;
      await batcher.drain();
      await client.endAsync();
    },
  };
}
