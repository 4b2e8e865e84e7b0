import { hostname } from 'node:os';
import { connect, type MqttClient } from 'mqtt';
import type { ObservationInput } from '../../../shared/schemas/observation.js';
import type { IngestService } from '../domain/ports.js';
import { HttpError } from '../http/errors.js';
import { createBatcher } from './batcher.js';
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

export interface MqttIngest {
  /** Resolves once the subscriptions are granted (it waits through broker outages). */
  ready: Promise<void>;
  /** Unsubscribes, stores what was received, and disconnects. */
  close(): Promise<void>;
}

/** One received message, decoded. */
interface Entry {
  topic: string;
  items: ObservationInput[];
}

const RETRY_DELAYS_MS = [250, 1000, 4000];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isClientError = (err: unknown) => err instanceof HttpError && err.status < 500;

/**
 * Stores a batch with one `observations()` call. A 4xx (say an unknown station) would
 * refuse the whole transaction, so the batch is then stored message by message and only
 * the bad ones are reported; other failures (storage down) are retried a few times.
 */
export async function storeEntries(
  entries: Entry[],
  ingest: Pick<IngestService, 'observations'>,
  report: (entry: Entry, err: unknown) => void,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ingest.observations(entries.flatMap((e) => e.items));
      return;
    } catch (err) {
      if (isClientError(err)) break;
      const delay = delays[attempt];
      if (delay === undefined) {
        for (const e of entries) report(e, err);
        return;
      }
      await sleep(delay);
    }
  }
  if (entries.length === 1) return report(entries[0]!, await failure(entries[0]!, ingest));
  for (const e of entries) {
    const err = await failure(e, ingest);
    if (err !== null) report(e, err);
  }
}

async function failure(e: Entry, ingest: Pick<IngestService, 'observations'>): Promise<unknown> {
  try {
    await ingest.observations(e.items);
    return null;
  } catch (err) {
    return err;
  }
}

function errorBody(err: unknown) {
  return err instanceof HttpError ? err.toJSON().error : { code: 'internal', message: 'Could not store the message; it was not retried', issues: [] };
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

  const report = (entry: { topic: string; payload?: string }, err: unknown) => {
    const error = errorBody(err);
    log.warn({ topic: entry.topic, error }, 'MQTT message rejected');
    const body = { topic: entry.topic, receivedAt: new Date().toISOString(), error, payload: entry.payload };
    client.publish(topics.errors, JSON.stringify(body), { qos: 1 }, (e) => {
      if (e) log.warn({ err: e }, 'could not publish to the MQTT errors topic');
    });
  };

  const batcher = createBatcher<Entry>({
    maxItems: opts.batchMaxMessages ?? 500,
    maxWaitMs: opts.batchMaxWaitMs ?? 200,
    flush: (entries) => storeEntries(entries, opts.ingest, report),
    onError: (err) => log.error({ err }, 'MQTT batch failed'),
  });

  let closing = false;
  client.on('message', (topic, payload) => {
    if (closing) return;
    try {
      batcher.add({ topic, items: decodeMqttMessage(topic, payload, city) });
    } catch (err) {
      report({ topic, payload: payload.toString('utf8').slice(0, 1000) }, err);
    }
  });
  client.handleMessage = (_packet, done) => {
    // `done` sends the PUBACK and lets mqtt.js read the next packet.
    if (!closing) batcher.room().then(() => done(), () => done());
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
    async close() {
      // Not unsubscribing keeps a persistent session's subscription; messages that arrive
      // from now on are never acknowledged, so the broker redelivers them later.
      closing = true;
      await batcher.drain();
      await client.endAsync();
    },
  };
}
