import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../../scripts/admin.js';
import { verifyAuditChain } from '../../../server/src/audit/audit-chain.js';
import { createAuditLog } from '../../../server/src/audit/audit-log.js';
import { openDb, type Db, type Queryable } from '../../../server/src/store/db.js';
import { openTestDb } from '../../helpers/test-db.js';
import { migrate } from '../../../server/src/store/migrate.js';
import { pgSchema } from '../../helpers/test-server.js';

/** Runs `sql` with the append-only trigger off, as a superuser or the table's owner could. */
async function tamper(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('alter table audit_log disable trigger audit_log_no_update_delete');
    await tx.query(sql, params);
    await tx.query('alter table audit_log enable trigger audit_log_no_update_delete');
  });
}

const entry = (i: number) => ({
  actor: `user${i % 3}`,
  role: 'duty',
  action: 'case.register',
  target: `case-${i}`,
  ip: '127.0.0.1',
  detail: { before: { status: 'reported' }, after: { status: 'registered', n: i } },
});

/** Appends `n` rows, each from its own transaction, all at once. */
async function appendConcurrently(db: Db, n: number, from = 0): Promise<void> {
  const audit = createAuditLog();
  await Promise.all(Array.from({ length: n }, (_, i) => db.transaction((tx) => audit.append(tx, entry(from + i)))));
}

describe.each(['pglite', 'postgres'] as const)('the audit chain on %s', (engine) => {
  let db: Db;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  beforeAll(async () => {
    schema = engine === 'postgres' ? await pgSchema() : null;
    db = await openTestDb({ databaseUrl: schema?.url });
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await schema?.drop();
  });

  it('stays one line under concurrent transactions: seq 1..n without gaps, each row linked to the one before', async () => {
    await appendConcurrently(db, 30);
    const rows = (await db.query<{ seq: string | number }>('select seq from audit_log order by seq')).rows.map((r) => Number(r.seq));
    expect(rows).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await verifyAuditChain(db, { pageSize: 7 })).toEqual({ ok: true, rows: 30, lastSeq: 30 });
  });

  it('refuses to update, delete or truncate rows', async () => {
    await expect(db.query("update audit_log set actor = 'mallory' where seq = 3")).rejects.toThrow(/append-only/);
    await expect(db.query('delete from audit_log where seq = 3')).rejects.toThrow(/append-only/);
    await expect(db.exec('truncate audit_log')).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('detects an edited row at its seq, and is whole again once it is put back', async () => {
    const { rows } = await db.query<{ detail: unknown }>('select detail from audit_log where seq = 7');
    await tamper(db, `update audit_log set detail = jsonb_set(detail, '{after,status}', '"closed"') where seq = 7`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 7, reason: expect.stringMatching(/edited/) });
    await tamper(db, 'update audit_log set detail = $1 where seq = 7', [JSON.stringify(rows[0]!.detail)]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    await tamper(db, "update audit_log set actor = 'someone-else' where seq = 9");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 9 });
  });

  it('detects a deleted row, and a row re-hashed to hide an edit breaks the next link', async () => {
    await tamper(db, 'delete from audit_log where seq = 20');
    const check = await verifyAuditChain(db);
    // Row 9 is still edited from the test before: the walk stops at the first bad row.
    expect(check).toMatchObject({ ok: false, seq: 9 });
    await tamper(db, "update audit_log set hash = 'x' || substr(hash, 2) where seq = 9");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 9 });
  });

  it.runIf(engine === 'postgres')('npm run audit:verify exits 1 naming the first bad seq, 0 on an intact chain', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { env: { DATABASE_URL: schema!.url }, readPassword: async () => '', out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await runAdmin(['audit-verify'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/seq 9\b/);
    const fresh = await pgSchema();
    try {
      const other = await openDb({ databaseUrl: fresh.url, dataDir: '' });
      await migrate(other);
      await appendConcurrently(other, 5);
      await other.close();
      expect(await runAdmin(['audit-verify'], { ...io, env: { DATABASE_URL: fresh.url } })).toBe(0);
      expect(out.join('\n')).toMatch(/intact: 5 rows/);
    } finally {
      await fresh.drop();
    }
  });
});

describe('a deleted row in the middle', () => {
  it('is reported at its own seq', async () => {
    const db = await openTestDb();
    try {
      await appendConcurrently(db, 6);
      await tamper(db, 'delete from audit_log where seq = 4');
      expect(await verifyAuditChain(db as Queryable)).toMatchObject({ ok: false, seq: 4, reason: expect.stringMatching(/missing/) });
    } finally {
      await db.close();
    }
  }, 60_000);
});
