import { observationInput, type ObservationInput } from '../../../shared/schemas/observation.js';
import { AppError, zodIssues } from '../errors.js';
import { invalidItems, parseObservations } from './json.adapter.js';
import { assertCleanText } from '../clean-text.js';

/**
 * Topic layout (QoS 1):
 * - `cockpit/<city>/env/<air|water|noise>/<stationId>`: one reading `{observedAt, values}`;
 *   kind and station come from the topic.
 * - `cockpit/<city>/env/batch`: an observation batch as for `POST /api/v1/ingest/observations`.
 * - `cockpit/<city>/env/errors`: where this server reports messages it could not store.
 */
export function mqttTopics(city: string) {
  const base = `cockpit/${city}/env`;
  return { readings: `${base}/+/+`, batch: `${base}/batch`, errors: `${base}/errors` };
}

/** A city code is one topic level: no separators or wildcards. */
export function checkTopicLevel(city: string): void {
  if (!city || /[/+#\u0000]/.test(city)) throw new Error(`invalid MQTT topic level: "${city}"`);
}

const KINDS = new Set(['air', 'water', 'noise']);

function readJson(payload: Buffer): unknown {
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch (err) {
    throw new AppError(400, 'malformed_json', `Malformed JSON: ${(err as Error).message}`);
  }
  assertCleanText(body);
  return body;
}

/**
 * Decodes one MQTT message into validated observations. Throws AppError (400 malformed
 * JSON, 404 unknown topic, 422 naming the field) for anything that cannot be stored.
 */
export function decodeMqttMessage(topic: string, payload: Buffer, city: string): ObservationInput[] {
  const levels = topic.split('/');
  if (levels.length < 4 || levels[0] !== 'cockpit' || levels[1] !== city || levels[2] !== 'env') {
    throw new AppError(404, 'unknown_topic', `Topic ${topic} is not an observation topic of city ${city}`);
  }
  if (levels.length === 4 && levels[3] === 'batch') return parseObservations(readJson(payload));
  const [, , , kind, stationId] = levels;
  if (levels.length !== 5 || !kind || !KINDS.has(kind) || !stationId) {
    throw new AppError(404, 'unknown_topic', `Topic ${topic}: expected cockpit/${city}/env/<air|water|noise>/<stationId> or cockpit/${city}/env/batch`);
  }
  const body = readJson(payload);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError(422, 'validation_failed', 'Expected a JSON object {observedAt, values}', [{ path: '(root)', message: 'must be an object' }]);
  }
  const result = observationInput.safeParse({ ...body, kind, stationId });
  if (!result.success) throw invalidItems(zodIssues(result.error));
  return [result.data];
}
