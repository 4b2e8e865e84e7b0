import { describe, expect, it } from 'vitest';
import { storeEntries } from '../../../../server/src/ingest/mqtt-store.js';
import { AppError } from '../../../../server/src/errors.js';
import type { ObservationInput } from '../../../../shared/schemas/observation.js';

const obs = (stationId: string): ObservationInput => ({ kind: 'noise', stationId, observedAt: '2026-07-01T09:00:00+08:00', values: { leq: 55 } });
const entry = (stationId: string) => ({ topic: `cockpit/x/env/noise/${stationId}`, items: [obs(stationId)] });

/** Fake ingest that refuses readings of station `BAD` (as a real service refuses unknown stations). */
function ingest(failFirst = 0) {
  const calls: string[][] = [];
  let failures = failFirst;
  return {
    calls,
    async observations(items: ObservationInput[]) {
      calls.push(items.map((i) => i.stationId));
      if (failures-- > 0) throw new Error('database unavailable');
      if (items.some((i) => i.stationId === 'BAD')) throw new AppError(422, 'validation_failed', 'unknown station BAD');
      return { accepted: items.length, ids: items.map((i) => i.stationId) };
    },
  };
}

describe('storeEntries', () => {
  it('stores a batch in one call', async () => {
    const fake = ingest();
    await storeEntries([entry('A'), entry('B')], fake, () => expect.unreachable());
    expect(fake.calls).toEqual([['A', 'B']]);
  });

  it('on a 4xx stores message by message and reports only the bad one', async () => {
    const fake = ingest();
    const reported: string[] = [];
    await storeEntries([entry('A'), entry('BAD'), entry('C')], fake, (e) => reported.push(e.topic));
    expect(fake.calls).toEqual([['A', 'BAD', 'C'], ['A'], ['BAD'], ['C']]);
    expect(reported).toEqual(['cockpit/x/env/noise/BAD']);
  });

  it('reports a lone refused message without asking again', async () => {
    const fake = ingest();
    const reported: unknown[] = [];
    await storeEntries([entry('BAD')], fake, (_e, err) => reported.push(err));
    expect(fake.calls).toEqual([['BAD']]);
    expect(reported).toEqual([expect.objectContaining({ status: 422 })]);
  });

  it('retries other failures and reports every message when they persist', async () => {
    const flaky = ingest(1);
    await storeEntries([entry('A')], flaky, () => expect.unreachable(), [0]);
    expect(flaky.calls).toEqual([['A'], ['A']]);
    const down = ingest(99);
    const reported: string[] = [];
    await storeEntries([entry('A'), entry('B')], down, (e) => reported.push(e.topic), [0, 0]);
    expect(down.calls).toHaveLength(3);
    expect(reported).toHaveLength(2);
  });
});
