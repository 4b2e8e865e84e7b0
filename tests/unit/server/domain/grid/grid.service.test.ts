import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../../server/src/store/db.js';
import { openTestDb } from '../../../../helpers/test-db.js';
import { loadCityPack } from '../../../../../server/src/city/city-pack.js';
import { createLocator } from '../../../../../server/src/city/locate.js';
import { createGridService, type GridService } from '../../../../../server/src/domain/grid/grid.service.js';
import type { GridCase, GridEventInput } from '../../../../../shared/schemas/grid-event.js';
import { gridEvent } from '../../../../fixtures/payloads.js';
import { pgSchema } from '../../../../helpers/test-server.js';

// On PGlite a batch of reports is first tried as all-new cases (COPY, no lookup) and falls back
// to the regular read-then-write when a case is already stored; PostgreSQL always reads first.
describe.each([
  { engine: 'PGlite', postgres: false },
  { engine: 'PostgreSQL', postgres: true },
])('grid ingest on $engine', ({ postgres }) => {
  let db: Db;
  let grid: GridService;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  const pushed: GridCase[] = [];
  const count = async (sourceIds: string[]) => Number((await db.query<{ n: number }>('select count(*)::int as n from cases where source_id = any($1::text[])', [sourceIds])).rows[0]!.n);
  beforeAll(async () => {
    schema = postgres ? await pgSchema() : null;
    db = await openTestDb({ databaseUrl: schema?.url });
    const city = await loadCityPack('441700');
    const locator = createLocator(city);
    grid = createGridService({
      db,
      categories: city.categoryByCode,
      departments: new Set(city.departments.map((d) => d.id)),
      locate: (p) => ({ district: locator.district(p), gridCell: locator.gridCell(p) }),
      sink: { publish: (_topic, items) => void pushed.push(...(items as GridCase[])) },
    });
  });
  afterAll(async () => {
    await db.close();
    await schema?.drop();
  });

  it('a batch of new and already stored cases stores each source id once and moves the known one', async () => {
    const known = gridEvent() as GridEventInput;
    const first = await grid.ingest([known]);
    const fresh = [gridEvent(), gridEvent()] as GridEventInput[];
    pushed.length = 0;
    const second = await grid.ingest([{ ...known, status: 'dispatched' }, ...fresh, fresh[0]!]);
    expect(second.ids[0]).toBe(first.ids[0]);
    expect(second.ids[3]).toBe(second.ids[1]);
    expect(await count([known.sourceId, ...fresh.map((e) => e.sourceId)])).toBe(3);
    expect(pushed.map((c) => [c.sourceId, c.status]).sort()).toEqual(
      [
        [known.sourceId, 'dispatched'],
        [fresh[0]!.sourceId, 'reported'],
        [fresh[1]!.sourceId, 'reported'],
      ].sort(),
    );
    const { rows } = await db.query<{ status: string }>('select status from case_timeline where case_id = $1 order by id', [first.ids[0]]);
    expect(rows.map((r) => r.status)).toEqual(['registered', 'dispatched']);
  });

  it('a resent report in a batch of new ones keeps its case, and each source id is stored once', async () => {
    const known = gridEvent() as GridEventInput;
    const first = await grid.ingest([known]);
    const fresh = [gridEvent(), gridEvent()] as GridEventInput[];
    pushed.length = 0;
    const again = await grid.ingest([...fresh, { ...known, title: 'resent' }]);
    expect(again.ids[2]).toBe(first.ids[0]);
    expect(await count([known.sourceId, ...fresh.map((e) => e.sourceId)])).toBe(3);
    expect(pushed.map((c) => c.sourceId).sort()).toEqual(fresh.map((e) => e.sourceId).sort());
    const { rows } = await db.query<{ title: string }>('select title from cases where id = $1', [first.ids[0]]);
    expect(rows).toEqual([{ title: known.title }]);
  });

  it('a new case reported with a later status gets its steps on the timeline', async () => {
    const ev = gridEvent({ status: 'dispatched', statusAt: new Date().toISOString() }) as GridEventInput;
    const { ids } = await grid.ingest([ev]);
    const { rows } = await db.query<{ status: string }>('select status from case_timeline where case_id = $1 order by id', [ids[0]]);
    expect(rows.map((r) => r.status)).toEqual(['registered', 'dispatched']);
    expect((await grid.ingest([ev])).ids).toEqual(ids);
    expect(await count([ev.sourceId])).toBe(1);
  });

  it('refuses the whole batch when one known case would move backwards, storing none of it', async () => {
    const known = gridEvent({ status: 'dispatched' }) as GridEventInput;
    await grid.ingest([known]);
    const fresh = gridEvent() as GridEventInput;
    await expect(grid.ingest([fresh, { ...known, status: 'reported' }])).rejects.toMatchObject({ status: 409 });
    expect(await count([fresh.sourceId])).toBe(0);
  });
});
