import type { Queryable } from '../../store/db.js';
import { iso } from '../../store/sql-helpers.js';
import type { CaseStatus } from '../../../../shared/schemas/grid-event.js';
import { COLUMNS, fromRow, type CaseRecord } from '../grid/cases.repository.js';
import type { TimelineRow } from '../grid/case-timeline.repository.js';
import { COUNTERS, emptyCounters } from '../../../../shared/domain/indicators.js';
import { addCase, LOG_KEY_FIELDS, logRowKey, rollupKeyId, timelineOrder, type Deltas, type LogRow, type RollupContext, type RollupKey, type Step } from './case-contribution.js';

const KEY = 'day, district, cell, category, department, source, exercise';
const RECORDSET = `day date, district text, cell text, category text, department text, source text, exercise boolean, ${COUNTERS.map(
  (k) => `${k} ${k === 'handling_hours' ? 'double precision' : 'integer'}`,
).join(', ')}`;

/** Adds the deltas to the rollups in one statement; rows whose changes cancel out are not sent, the rest go in key order (so concurrent folds lock rows in one order). */
export async function applyDeltas(q: Queryable, deltas: Deltas): Promise<void> {
  const rows = [...deltas]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([, { c }]) => COUNTERS.some((k) => c[k] !== 0))
    .map(([, { key, c }]) => ({ ...key, ...c }));
  if (rows.length === 0) return;
  await q.query(
    `insert into case_rollups (${KEY}, ${COUNTERS.join(', ')})
     select ${KEY}, ${COUNTERS.join(', ')} from json_to_recordset($1::json) as x(${RECORDSET})
     on conflict (${KEY}) do update set ${COUNTERS.map((k) => `${k} = case_rollups.${k} + excluded.${k}`).join(', ')}`,
    [JSON.stringify(rows)],
  );
}

/**
 * Appends a change to the rollup log (migration 016) as one row, whatever the change's size:
 * `rows` as they are, then each summed delta's key and the counters it changes — a new case
 * changes one or two of the sixteen, so the log stays small.
 */
export async function logChange(q: Queryable, rows: LogRow[], deltas: Deltas): Promise<void> {
  for (const { key, c } of deltas.values()) {
    const row = logRowKey(key.day, key);
    for (let i = 0; i < COUNTERS.length; i++) if (c[COUNTERS[i]!] !== 0) row.push(i, c[COUNTERS[i]!]);
    if (row.length > LOG_KEY_FIELDS) rows.push(row);
  }
  if (rows.length > 0) await q.query('insert into case_rollup_log (deltas) values ($1)', [JSON.stringify(rows)]);
}

/** Adds one logged row to `deltas`. */
function addLogged(deltas: Deltas, row: unknown[]): void {
  const [day, district, cell, category, department, source, exercise] = row as [string, string, string, string, string, string, boolean];
  const key: RollupKey = { day, district, cell, category, department, source, exercise };
  const id = rollupKeyId(key);
  const entry = deltas.get(id) ?? { key, c: emptyCounters() };
  for (let j = LOG_KEY_FIELDS; j < row.length; j += 2) entry.c[COUNTERS[row[j] as number]!] += row[j + 1] as number;
  deltas.set(id, entry);
}

interface Transactional {
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: { untimed?: boolean }): Promise<T>;
}

/**
 * Folds up to `limit` log rows, oldest first, into the rollups in one transaction and returns
 * how many it folded. Two folds at once take different rows (`skip locked`) and add
 * commutatively, so a read may fold while the job does.
 */
export async function foldRollupLog(db: Transactional, limit = 64): Promise<number> {
  return db.transaction(
    async (tx) => {
      const { rows } = await tx.query('delete from case_rollup_log where id in (select id from case_rollup_log order by id limit $1 for update skip locked) returning deltas', [limit]);
      const deltas: Deltas = new Map();
      for (const r of rows) for (const row of JSON.parse(String(r.deltas)) as unknown[][]) addLogged(deltas, row);
      await applyDeltas(tx, deltas);
      return rows.length;
    },
    { untimed: true },
  );
}

/**
 * The rollups job: folds the whole log once nothing was logged for `quietMs` (a burst of
 * ingest is over) or its oldest row has waited `maxLagMs`; reads fold first whatever waits.
 * Returns the rows folded (0 when it waited).
 */
export async function foldRollupsWhenQuiet(db: Transactional & Queryable, o: { quietMs: number; maxLagMs: number }): Promise<number> {
  const { rows } = await db.query(
    `select count(*)::int as n, coalesce(max(logged_at) <= now() - $1::interval, false) as quiet, coalesce(min(logged_at) <= now() - $2::interval, false) as late from case_rollup_log`,
    [`${o.quietMs} milliseconds`, `${o.maxLagMs} milliseconds`],
  );
  const r = rows[0]!;
  return Number(r.n) > 0 && (r.quiet || r.late) ? foldAllRollups(db) : 0;
}

/**
 * Folds the whole log (what was logged before the call, and what arrives meanwhile); returns the
 * rows folded. An empty log, what most reads find, costs one look instead of a transaction.
 */
export async function foldAllRollups(db: Transactional & Queryable): Promise<number> {
  const { rows } = await db.query('select exists (select 1 from case_rollup_log) as waiting');
  if (!rows[0]!.waiting) return 0;
  let total = 0;
  for (let n = await foldRollupLog(db); n > 0; n = await foldRollupLog(db)) total += n;
  return total;
}

const stepOf = (r: Record<string, unknown>): Step => ({ at: iso(r.at), status: r.status as CaseStatus, action: (r.action as string | null) ?? null });

/** The stored steps of the given cases, in timeline order. */
export async function readSteps(q: Queryable, ids: string[]): Promise<Map<string, Step[]>> {
  const out = new Map<string, Step[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const { rows } = await q.query('select case_id, at, status, action from case_timeline where case_id = any($1::uuid[]) order by at, id', [ids]);
  for (const r of rows) out.get(String(r.case_id))?.push(stepOf(r));
  return out;
}

/** The new steps of a batch, per case, in the order they were taken. */
export function stepsByCase(timeline: readonly TimelineRow[]): Map<string, Step[]> {
  const out = new Map<string, Step[]>();
  for (const t of timeline) {
    const list = out.get(t.caseId) ?? [];
    list.push({ at: t.at, status: t.status, action: t.action ?? null });
    out.set(t.caseId, list);
  }
  return out;
}

/**
 * Logs one change of cases' contribution to the rollups inside its transaction (folded into
 * them by `foldRollupLog`): new cases add their whole contribution; changed cases (given as
 * they were) swap the old one for the new.
 */
export async function trackChange(
  q: Queryable,
  ctx: RollupContext,
  change: { created: readonly CaseRecord[]; changed: readonly { before: CaseRecord; after: CaseRecord }[]; timeline: readonly TimelineRow[] },
): Promise<void> {
  const fresh = stepsByCase(change.timeline);
  const history = await readSteps(
    q,
    change.changed.map((c) => c.after.id),
  );
  const rows: LogRow[] = [];
  for (const c of change.created) addCase(rows, c, fresh.get(c.id) ?? [], ctx, 1);
  const deltas: Deltas = new Map();
  for (const { before, after } of change.changed) {
    const old = history.get(after.id) ?? [];
    addCase(deltas, before, old, ctx, -1);
    addCase(deltas, after, timelineOrder([...old, ...(fresh.get(after.id) ?? [])]), ctx, 1);
  }
  await logChange(q, rows, deltas);
}

/** Recomputes the rollups from cases and their timelines, in one transaction; returns the cases counted. */
export async function rebuildRollups(q: Queryable, ctx: RollupContext, pageSize = 5000): Promise<number> {
  await q.query('delete from case_rollups');
  await q.query('delete from case_rollup_log');
  let after = '00000000-0000-0000-0000-000000000000';
  let count = 0;
  for (;;) {
    const { rows } = await q.query(`select ${COLUMNS} from cases where id > $1 order by id limit $2`, [after, pageSize]);
    if (rows.length === 0) return count;
    const cases = rows.map(fromRow);
    const steps = await readSteps(
      q,
      cases.map((c) => c.id),
    );
    const deltas: Deltas = new Map();
    for (const c of cases) addCase(deltas, c, steps.get(c.id) ?? [], ctx, 1);
    await applyDeltas(q, deltas);
    count += cases.length;
    after = cases[cases.length - 1]!.id;
  }
}

/**
 * Fills the rollups once when cases exist but no rollup row does (the first start after the
 * upgrade that adds them); returns the cases counted, 0 when nothing was to do.
 */
export async function catchUpRollups(db: Transactional, ctx: RollupContext): Promise<number> {
  return db.transaction(
    async (tx) => {
      const { rows } = await tx.query('select exists (select 1 from cases) as cases, exists (select 1 from case_rollups) as rollups');
      return rows[0]!.cases && !rows[0]!.rollups ? rebuildRollups(tx, ctx) : 0;
    },
    { untimed: true },
  );
}
