import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../../server/src/store/db.js';
import { openTestDb } from '../../../../helpers/test-db.js';
import { caseIdFor, findCases, insertCases, type CaseRecord } from '../../../../../server/src/domain/grid/cases.repository.js';
import { pgSchema } from '../../../../helpers/test-server.js';

let n = 0;
function record(over: Partial<CaseRecord> = {}): CaseRecord {
  const sourceId = `repo-test-${Date.now().toString(36)}-${n++}`;
  return {
    id: caseIdFor(sourceId),
    sourceId,
    source: 'inspector',
    category: 'manhole_cover',
    kind: 'facility',
    title: '井盖破损',
    description: null,
    lon: 111.9826123,
    lat: 21.8597456,
    address: null,
    district: '441702',
    gridCell: '8a4150c2b25ffff',
    status: 'reported',
    department: null,
    reportedAt: '2026-11-21T08:00:00.000Z',
    dispatchedAt: null,
    deadlineAt: null,
    closedAt: null,
    escalated: false,
    exercise: false,
    mediaUrl: null,
    updatedAt: '2026-11-21T08:00:01.000Z',
    version: 1,
    assignee: null,
    supervised: null,
    mergedInto: null,
    closeReason: null,
    ...over,
  };
}

// PGlite loads new cases with COPY, PostgreSQL with `insert … on conflict`: both must store the same.
describe.each([
  { engine: 'PGlite (COPY)', postgres: false },
  { engine: 'PostgreSQL (insert … on conflict)', postgres: true },
])('cases repository on $engine', ({ postgres }) => {
  let db: Db;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  beforeAll(async () => {
    schema = postgres ? await pgSchema() : null;
    db = await openTestDb({ databaseUrl: schema?.url });
  });
  afterAll(async () => {
    await db.close();
    await schema?.drop();
  });

  it('stores every field as given: null stays null, empty text, quotes, commas and newlines survive', async () => {
    const cases = [
      record(),
      record({
        title: 'a "quoted", comma\nnew line',
        description: '',
        address: '江城区, "东门" 路',
        department: 'city',
        status: 'dispatched',
        dispatchedAt: '2026-11-21T09:00:00.000Z',
        deadlineAt: '2026-11-22T09:00:00.000Z',
        escalated: true,
      }),
      record({ exercise: true, district: null, gridCell: null, lon: -0.5, lat: 1e-7 }),
    ];
    const raced = await db.transaction((tx) => insertCases(tx, cases));
    expect(raced.size).toBe(0);
    const stored = await db.transaction((tx) =>
      findCases(
        tx,
        cases.map((c) => c.id),
      ),
    );
    expect(cases.map((c) => stored.get(c.sourceId))).toEqual(cases);
  });

  it('a case already stored is reported back, and the batch is not stored when the caller gives up', async () => {
    const old = record();
    await db.transaction((tx) => insertCases(tx, [old]));
    const fresh = record();
    let raced = new Set<string>();
    // As the grid service does: a batch that raced another is refused whole.
    const tx = db.transaction(async (q) => {
      raced = await insertCases(q, [fresh, { ...old, title: 'changed' }]);
      if (raced.size) throw new Error('raced');
    });
    await expect(tx).rejects.toThrow('raced');
    // PostgreSQL skips the existing row and names it; COPY fails the whole statement and names the whole batch.
    expect(raced).toEqual(postgres ? new Set([old.sourceId]) : new Set([fresh.sourceId, old.sourceId]));
    const { rows } = await db.query<{ id: string; title: string }>('select id, title from cases where id = any($1::uuid[])', [[old.id, fresh.id]]);
    expect(rows).toEqual([{ id: old.id, title: old.title }]);
  });
});
