import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../server/src/store/db.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cockpit-pglite-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings = async (dataDir: string, memory?: { sharedBuffersMb: number; workMemMb: number; maintenanceWorkMemMb: number }) => {
  const db = await openDb({ dataDir, pgliteMemory: memory });
  try {
    const { rows } = await db.query<{ name: string; setting: string }>(
      "select name, current_setting(name) as setting from unnest(array['shared_buffers', 'work_mem', 'maintenance_work_mem']) as name",
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await db.close();
  }
};

describe('embedded database memory settings', () => {
  it('starts a new data folder with the given sizes, and keeps what was stored across a reopen', { timeout: 240_000 }, async () => {
    // The first open initialises the folder in a process of its own, then serves it from a thread.
    expect(await settings(dir, { sharedBuffersMb: 24, workMemMb: 3, maintenanceWorkMemMb: 12 })).toEqual({ shared_buffers: '24MB', work_mem: '3MB', maintenance_work_mem: '12MB' });
    const db = await openDb({ dataDir: dir });
    await db.exec('create table kept (n int); insert into kept values (7)');
    await db.close();
    const again = await openDb({ dataDir: dir });
    expect((await again.query('select n from kept')).rows).toEqual([{ n: 7 }]);
    await again.close();
  });

  it('uses the small defaults when none are given, in memory too', { timeout: 240_000 }, async () => {
    expect(await settings('memory://')).toEqual({ shared_buffers: '16MB', work_mem: '4MB', maintenance_work_mem: '16MB' });
  });
});
