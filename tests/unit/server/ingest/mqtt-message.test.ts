import { describe, expect, it } from 'vitest';
import { checkTopicLevel, decodeMqttMessage, mqttTopics } from '../../../../server/src/ingest/mqtt-message.js';
import { expectHttpError, paths } from './expect-http-error.js';

const city = '441700';
const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const reading = { observedAt: '2026-07-01T09:00:00+08:00', values: { pm25: 35 } };

describe('mqttTopics', () => {
  it('lays topics out per city', () => {
    expect(mqttTopics(city)).toEqual({ readings: 'cockpit/441700/env/+/+', batch: 'cockpit/441700/env/batch', errors: 'cockpit/441700/env/errors' });
    expect(() => checkTopicLevel('44/17')).toThrow();
    expect(() => checkTopicLevel('#')).toThrow();
  });
});

describe('decodeMqttMessage', () => {
  it('takes kind and station from the topic', () => {
    expect(decodeMqttMessage('cockpit/441700/env/air/YJ-A01', json(reading), city)).toEqual([{ kind: 'air', stationId: 'YJ-A01', ...reading }]);
  });

  it('lets the topic win over kind/stationId in the payload', () => {
    const [o] = decodeMqttMessage('cockpit/441700/env/noise/N-7', json({ ...reading, kind: 'air', stationId: 'X', values: { leq: 61.2 } }), city);
    expect(o).toMatchObject({ kind: 'noise', stationId: 'N-7', values: { leq: 61.2 } });
  });

  it('reads a batch topic like the HTTP batch', () => {
    const batch = [{ kind: 'water', stationId: 'W-1', observedAt: reading.observedAt, values: { ph: 7.2, do: 6.1 } }];
    expect(decodeMqttMessage('cockpit/441700/env/batch', json({ observations: batch }), city)).toEqual(batch);
  });

  it('names invalid fields, refuses bad JSON and foreign topics', () => {
    const e = expectHttpError(() => decodeMqttMessage('cockpit/441700/env/air/A', json({ observedAt: 'now', values: { pm25: 1 } }), city), 422, 'validation_failed');
    expect(paths(e)).toEqual(['observedAt']);
    expectHttpError(() => decodeMqttMessage('cockpit/441700/env/air/A', Buffer.from('{nope'), city), 400, 'malformed_json');
    expectHttpError(() => decodeMqttMessage('cockpit/441700/env/soil/A', json(reading), city), 404, 'unknown_topic');
    expectHttpError(() => decodeMqttMessage('cockpit/445200/env/air/A', json(reading), city), 404, 'unknown_topic');
    expectHttpError(() => decodeMqttMessage('cockpit/441700/env/air/A', json([reading]), city), 422, 'validation_failed');
  });
});
