import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/src/store/db.js';
import { useTestDb } from '../../../helpers/test-db.js';
import { createMemoryDeltaLog } from '../../../../server/src/realtime/memory-delta-log.js';

describe('in-memory delta log of the embedded engine', () => {
  const getDb = useTestDb();
  let db: Db;
  beforeEach(() => {
    db = getDb();
  });

  it('allocates seqs one by one, durably, and replays exact ranges', async () => {
    const log = createMemoryDeltaLog(db);
    expect(await log.append('grid', [{ id: 'a' }])).toBe(1);
    expect(await log.append('grid', [{ id: 'b' }, { id: 'c' }])).toBe(2);
    expect(await log.append('alerts', [{ id: 'x' }])).toBe(1);
    expect((await log.range('grid', 0, 2)).map((d) => [d.seq, d.items.length])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(await log.range('grid', 1, 2)).toEqual([{ topic: 'grid', seq: 2, items: [{ id: 'b' }, { id: 'c' }] }]);
    const { rows } = await db.query<{ seq: string }>("select seq from live_seq where topic = 'grid'");
    expect(Number(rows[0]!.seq)).toBe(2);
  });

  it('continues the sequence after a restart, with nothing to replay from before it', async () => {
    await createMemoryDeltaLog(db).append('grid', [{ id: 'a' }]);
    const restarted = createMemoryDeltaLog(db);
    expect(await restarted.currentSeq('grid')).toBe(1);
    expect(await restarted.append('grid', [{ id: 'b' }])).toBe(2);
    expect((await restarted.range('grid', 0, 2)).map((d) => d.seq)).toEqual([2]);
  });

  it('is bounded by items per topic and pruned by count and age', async () => {
    const log = createMemoryDeltaLog(db, { maxItemsPerTopic: 3 });
    for (let i = 0; i < 5; i++) await log.append('env', [{ id: `o${i}` }]);
    expect((await log.range('env', 0, 5)).map((d) => d.seq)).toEqual([3, 4, 5]);
    expect(await log.prune({ maxDeltasPerTopic: 1, maxAgeMs: 3600_000 })).toBe(2);
    expect((await log.range('env', 0, 5)).map((d) => d.seq)).toEqual([5]);
    expect(await log.prune({ maxDeltasPerTopic: 10, maxAgeMs: -1 })).toBe(1);
  });
});
