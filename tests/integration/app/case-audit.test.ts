import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/src/store/db.js';
import { openTestDb } from '../../helpers/test-db.js';
import { loadCityPack } from '../../../server/src/city/city-pack.js';
import { createLocator } from '../../../server/src/city/locate.js';
import { createGridService, type GridService } from '../../../server/src/domain/grid/grid.service.js';
import type { Actor, AuditEntry } from '../../../server/src/domain/ports.js';
import type { GridEventInput } from '../../../shared/schemas/grid-event.js';
import { gridEvent } from '../../fixtures/payloads.js';

/** Each case action writes one audit row in its own transaction: committed with it, or not at all. */
describe('case actions and the audit log', () => {
  let db: Db;
  let grid: GridService;
  const entries: AuditEntry[] = [];
  let failAudit = false;
  const duty: Actor = { username: 'duty', role: 'duty', districts: null, ip: '10.0.0.7' };
  beforeAll(async () => {
    db = await openTestDb();
    const city = await loadCityPack('441700');
    const locator = createLocator(city);
    grid = createGridService({
      db,
      categories: city.categoryByCode,
      departments: new Set(city.departments.map((d) => d.id)),
      locate: (p) => ({ district: locator.district(p), gridCell: locator.gridCell(p) }),
      sink: { publish: () => undefined },
      audit: {
        async append(q, entry) {
          // Inside the action's transaction: the row the action wrote is visible here.
          const { rows } = await q.query<{ version: number }>('select version from cases where id = $1', [entry.target]);
          if (failAudit) throw new Error('audit store down');
          entries.push({ ...entry, detail: { ...entry.detail, seenVersion: rows[0]?.version } });
        },
      },
    });
  });
  afterAll(async () => db.close());

  const create = async () => (await grid.ingest([gridEvent() as GridEventInput])).ids[0]!;

  it('records who, role, address, action, target and the changed fields before and after', async () => {
    const id = await create();
    await grid.act(id, 'register', duty, { version: 1, note: '核实属实' });
    await grid.act(id, 'dispatch', duty, { version: 2, department: 'sanitation', assignee: '李工' });
    const [reg, dis] = entries.slice(-2);
    expect(reg).toMatchObject({
      actor: 'duty',
      role: 'duty',
      action: 'case.register',
      target: id,
      ip: '10.0.0.7',
      detail: { before: { status: 'reported', version: 1 }, after: { status: 'registered', version: 2 }, note: '核实属实', seenVersion: 2 },
    });
    expect(dis!.detail.after).toMatchObject({ status: 'dispatched', department: 'sanitation', assignee: '李工', version: 3 });
    expect(Object.keys(dis!.detail.before as object).sort()).toEqual(['assignee', 'deadlineAt', 'department', 'dispatchedAt', 'status', 'version']);
  });

  it('rolls the action back when its audit row cannot be written', async () => {
    const id = await create();
    failAudit = true;
    try {
      await expect(grid.act(id, 'register', duty, { version: 1 })).rejects.toThrow('audit store down');
    } finally {
      failAudit = false;
    }
    const { rows } = await db.query<{ status: string; version: number }>('select status, version from cases where id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'reported', version: 1 });
  });
});
