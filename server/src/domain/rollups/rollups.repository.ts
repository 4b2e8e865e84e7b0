import type { Queryable } from '../../store/db.js';
import { iso } from '../../store/sql-helpers.js';
import type { CaseStatus } from '../../../../shared/schemas/grid-event.js';
import { COLUMNS, fromRow, type CaseRecord } from '../grid/cases.repository.js';
import type { TimelineRow } from '../grid/case-timeline.repository.js';
import { COUNTERS } from '../../../../shared/domain/indicators.js';
import { addCase, timelineOrder, type Deltas, type RollupContext, type Step } from './case-contribution.js';

const KEY = 'day, district, cell, category, department, source, exercise';
const RECORDSET = `day date, district text, cell text, category text, department text, source text, exercise boolean, ${COUNTERS.map(
  (k) => `${k} ${k === 'handling_hours' ? 'double precision' : 'integer'}`,
).join(', ')}`;

/** Adds the deltas to the rollups in one statement; rows whose changes cancel out are not sent. */
export async function applyDeltas(q: Queryable, deltas: Deltas): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (const { key, c } of deltas.values()) {
    if (COUNTERS.every((k) => c[k] === 0)) continue;
    rows.push({ ...key, ...c });
  }
  if (rows.length === 0) return;
  await q.query(
    `insert into case_rollups (${KEY}, ${COUNTERS.join(', ')})
     select ${KEY}, ${COUNTERS.join(', ')} from json_to_recordset($1::json) as x(${RECORDSET})
     on conflict (${KEY}) do update set ${COUNTERS.map((k) => `${k} = case_rollups.${k} + excluded.${k}`).join(', ')}`,
    [JSON.stringify(rows)],
  );
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
 * Keeps the rollups in step with one change of cases inside its transaction: new cases add
 * their whole contribution; changed cases (given as they were) swap the old one for the new.
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
  const deltas: Deltas = new Map();
  for (const c of change.created) addCase(deltas, c, fresh.get(c.id) ?? [], ctx, 1);
  for (const { before, after } of change.changed) {
    const old = history.get(after.id) ?? [];
    addCase(deltas, before, old, ctx, -1);
    addCase(deltas, after, timelineOrder([...old, ...(fresh.get(after.id) ?? [])]), ctx, 1);
  }
  await applyDeltas(q, deltas);
}

/** Recomputes the rollups from cases and their timelines, in one transaction; returns the cases counted. */
export async function rebuildRollups(q: Queryable, ctx: RollupContext, pageSize = 5000): Promise<number> {
  await q.query('delete from case_rollups');
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
