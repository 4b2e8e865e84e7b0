import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/src/store/db.js';
import { useTestDb } from '../../../helpers/test-db.js';
import { createDeltaLogRepository, type DeltaLogRepository } from '../../../../server/src/realtime/delta-log.repository.js';

describe('delta log repository', () => {
  const getDb = useTestDb();
  let db: Db;
  let repo: DeltaLogRepository;
  beforeEach(() => {
    db = getDb();
    repo = createDeltaLogRepository(db);
  });

  it('allocates consecutive seqs per topic and keeps the items for replay', async () => {
    expect(await repo.append('grid', [{ id: 'a' }])).toBe(1);
    expect(await repo.append('grid', [{ id: 'b' }])).toBe(2);
    expect(await repo.append('env', [{ id: 'c' }])).toBe(1);
    expect(await repo.currentSeq('grid')).toBe(2);
    expect(await repo.currentSeqs()).toEqual({ grid: 2, alerts: 0, env: 1, economy: 0, kpi: 0, drills: 0, plans: 0, dispatch: 0 });
    expect(await repo.range('grid', 0, 2)).toEqual([
      { topic: 'grid', seq: 1, items: [{ id: 'a' }] },
      { topic: 'grid', seq: 2, items: [{ id: 'b' }] },
    ]);
    expect(await repo.range('grid', 1, 2)).toHaveLength(1);
  });

  it('never hands out the same seq twice to concurrent writers', async () => {
    const seqs = await Promise.all(Array.from({ length: 20 }, (_, i) => repo.append('kpi', [{ id: i }])));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('prunes beyond the kept count and age, keeping the head', async () => {
    for (let i = 0; i < 5; i++) await repo.append('grid', [{ id: i }]);
    await repo.append('env', [{ id: 'x' }]);
    expect(await repo.prune({ maxDeltasPerTopic: 2, maxAgeMs: 3600_000 })).toBe(3);
    expect((await repo.range('grid', 0, 5)).map((d) => d.seq)).toEqual([4, 5]);
    expect(await repo.range('env', 0, 1)).toHaveLength(1);
    await db.query("update live_deltas set created_at = now() - interval '2 hours' where topic = 'env'");
    expect(await repo.prune({ maxDeltasPerTopic: 100, maxAgeMs: 3600_000 })).toBe(1);
    expect(await repo.currentSeq('grid')).toBe(5);
  });
});
