import { describe, expect, it } from 'vitest';
import { LIVE_TOPICS } from '../../../../shared/contracts/live.js';
import { CASE_TOPIC, HELD_TOPICS, isHeldTopic } from '../../../../client/src/live/protocol.js';

describe('held topics', () => {
  it('holds the case stream in the worker and sends every other topic to the page', () => {
    expect(HELD_TOPICS).toEqual([CASE_TOPIC]);
    expect(LIVE_TOPICS.filter(isHeldTopic)).toEqual(['grid']);
  });
});
