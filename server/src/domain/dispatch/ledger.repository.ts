import type { Queryable } from '../../store/db.js';

/** One line of the ledger: a resource's item, in the real or the drill ledger. */
export interface LedgerKey {
  resourceId: string;
  item: string;
  exercise: boolean;
}

/**
 * Takes `amount` of an item out of `total` in one statement: the row is created or raised
 * only while what it holds stays within `total`. Under the row lock this is what lets two
 * officers race for the last sandbags and only one win. Returns the new committed amount,
 * or null when not that much is free.
 */
export async function take(q: Queryable, key: LedgerKey, amount: number, total: number): Promise<number | null> {
  if (amount > total) return null;
  const { rows } = await q.query<{ committed: number }>(
    `insert into dispatch_ledger (resource_id, item, exercise, committed) values ($1, $2, $3, $4)
     on conflict (resource_id, item, exercise) do update set committed = dispatch_ledger.committed + excluded.committed
       where dispatch_ledger.committed + excluded.committed <= $5
     returning committed`,
    [key.resourceId, key.item, key.exercise, amount, total],
  );
  return rows[0] ? Number(rows[0].committed) : null;
}

/** Gives `amount` back; the ledger never goes below zero (a pack whose figures shrank cannot make it). */
export async function giveBack(q: Queryable, key: LedgerKey, amount: number): Promise<void> {
  await q.query('update dispatch_ledger set committed = greatest(0, committed - $4) where resource_id = $1 and item = $2 and exercise = $3', [key.resourceId, key.item, key.exercise, amount]);
}

/** What is committed of an item (0 when nothing ever was). */
export async function committed(q: Queryable, key: LedgerKey): Promise<number> {
  const { rows } = await q.query<{ committed: number }>('select committed from dispatch_ledger where resource_id = $1 and item = $2 and exercise = $3', [key.resourceId, key.item, key.exercise]);
  return rows[0] ? Number(rows[0].committed) : 0;
}

/** Every line of one ledger (real or drill), for the resources' free/committed read. */
export async function lines(q: Queryable, exercise: boolean): Promise<Array<LedgerKey & { committed: number }>> {
  const { rows } = await q.query<{ resource_id: string; item: string; committed: number }>(
    'select resource_id, item, committed from dispatch_ledger where exercise = $1 and committed > 0 order by resource_id, item',
    [exercise],
  );
  return rows.map((r) => ({ resourceId: r.resource_id, item: r.item, exercise, committed: Number(r.committed) }));
}
