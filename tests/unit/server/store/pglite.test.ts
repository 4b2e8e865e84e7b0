import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../../server/src/store/db.js';

/** Statements are posted to the PGlite thread without waiting for answers; these pin down what that must not change. */
describe('PGlite connection (worker thread, pipelined statements)', () => {
  let db: Db;
  const count = async () => Number((await db.query<{ n: number }>('select count(*)::int as n from t')).rows[0]!.n);
  // One database for the file (starting PGlite takes seconds); each test gets a fresh table.
  beforeAll(async () => {
    db = await openDb({ dataDir: 'memory://' });
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.exec('drop table if exists t; create table t (id int primary key, note text)');
  });

  it('commits what a transaction wrote and answers only after the commit', async () => {
    const out = await db.transaction(async (tx) => {
      await tx.query('insert into t values (1, $1)', ['a']);
      await tx.query('insert into t values (2, $1)', ['b']);
      return 'done';
    });
    expect(out).toBe('done');
    expect(await count()).toBe(2);
  });

  it('rolls back everything when a statement fails, even one the caller did not await', async () => {
    const tx = db.transaction(async (q) => {
      await q.query('insert into t values (1, null)');
      void q.query('insert into t values (1, null)'); // duplicate key, answer never awaited
      await q.query('insert into t values (2, null)').catch(() => undefined); // fails: the transaction is aborted
    });
    await expect(tx).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toBe(0);
  });

  it('rolls back when a parameter cannot even be sent to the database thread', async () => {
    const tx = db.transaction(async (q) => {
      await q.query('insert into t values (1, null)');
      void q.query('insert into t values (2, $1)', [() => 'not cloneable']);
    });
    await expect(tx).rejects.toThrow();
    expect(await count()).toBe(0);
  });

  it('keeps a transaction’s statements apart from everyone else’s while it is open', async () => {
    let seenInside = -1;
    const slow = db.transaction(async (q) => {
      await q.query('insert into t values (1, null)');
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('give up');
    });
    // Issued while `slow` is open: must run after it ended, so it never sees its row.
    const outside = db.query<{ n: number }>('select count(*)::int as n from t').then((r) => (seenInside = r.rows[0]!.n));
    const other = db.transaction((q) => q.query('insert into t values (2, null)'));
    await expect(slow).rejects.toThrow('give up');
    await Promise.all([outside, other]);
    expect(seenInside).toBe(0);
    expect((await db.query<{ id: number }>('select id from t')).rows.map((r) => r.id)).toEqual([2]);
  });

  it('bulk-loads CSV in a transaction: NULL, empty text, quotes, commas and newlines survive', async () => {
    await db.transaction(async (tx) => {
      await tx.copyCsv!('t (id, note)', '1,\n2,""\n3,"a ""b"", c\nd"\n');
    });
    const { rows } = await db.query<{ id: number; note: string | null }>('select id, note from t order by id');
    expect(rows).toEqual([
      { id: 1, note: null },
      { id: 2, note: '' },
      { id: 3, note: 'a "b", c\nd' },
    ]);
  });

  it('a CSV load that hits an existing key stores none of its rows', async () => {
    await db.query('insert into t values (2, null)');
    const tx = db.transaction((q) => q.copyCsv!('t (id, note)', '1,\n2,\n3,\n'));
    await expect(tx).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toBe(1);
  });
});
