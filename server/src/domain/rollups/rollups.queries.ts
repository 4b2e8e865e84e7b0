import type { Queryable } from '../../store/db.js';
import { COUNTERS, emptyCounters, type Counter, type Counters } from '../../../../shared/domain/indicators.js';

/** Which rollup rows to sum: whole local days `fromDay..toDay` (inclusive), real or drill data. */
export interface RollupFilter {
  fromDay: string;
  toDay: string;
  exercise: boolean;
  /** null = the whole city. */
  districts: readonly string[] | null;
  category?: string;
  /** Unit-grid (res 10) cells; absent = any. */
  cells?: readonly string[];
}

/** The columns a sum may be grouped by. */
export type RollupGroup = 'cell' | 'district' | 'department' | 'source' | 'day';

/** Appends the district, category and cell conditions of `f` (`cellColumn` names the unit-grid column). */
function scopeParts(f: Omit<RollupFilter, 'fromDay' | 'toDay'>, params: unknown[], parts: string[], cellColumn: string): string {
  const add = (column: string, value: unknown, cast?: string) => {
    params.push(value);
    parts.push(cast ? `${column} = any($${params.length}::${cast})` : `${column} = $${params.length}`);
  };
  if (f.districts) add('district', f.districts, 'text[]');
  if (f.category) add('category', f.category);
  if (f.cells) add(cellColumn, f.cells, 'text[]');
  return parts.join(' and ');
}

function where(f: RollupFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.fromDay, f.toDay, f.exercise];
  return { sql: scopeParts(f, params, ['day >= $1::date', 'day <= $2::date', 'exercise = $3'], 'cell'), params };
}

/**
 * The counters summed per group key (`day` keys as YYYY-MM-DD); only `counters` are summed
 * (the others stay 0), since each sum costs every row read.
 */
export async function sumRollups(q: Queryable, f: RollupFilter, by: RollupGroup, counters: readonly Counter[] = COUNTERS): Promise<Map<string, Counters>> {
  const w = where(f);
  const key = by === 'day' ? "to_char(day, 'YYYY-MM-DD')" : by;
  const sums = counters.map((k) => `sum(${k}) as ${k}`).join(', ');
  const { rows } = await q.query(`select ${key} as key, ${sums} from case_rollups where ${w.sql} group by 1`, w.params);
  const out = new Map<string, Counters>();
  for (const r of rows) {
    const c = emptyCounters();
    for (const k of counters) c[k] = Number(r[k] ?? 0);
    out.set(String(r.key), c);
  }
  return out;
}

/**
 * Cases whose deadline lies in `[from, to)` and that stand without feedback (dispatched or in
 * progress), per unit-grid cell: the rollups count them on their deadline's day as not fed back
 * on time, but until the deadline passes they are not overdue. Reads the open-deadline index.
 */
export async function pendingDeadlines(q: Queryable, f: Omit<RollupFilter, 'fromDay' | 'toDay'>, from: Date, to: Date): Promise<Map<string, number>> {
  const params: unknown[] = [from.toISOString(), to.toISOString(), f.exercise];
  const sql = scopeParts(f, params, ["status in ('dispatched', 'in_progress')", 'deadline_at >= $1::timestamptz', 'deadline_at < $2::timestamptz', 'exercise = $3'], 'grid_cell');
  const { rows } = await q.query(`select coalesce(grid_cell, '') as cell, count(*)::int as n from cases where ${sql} group by 1`, params);
  return new Map(rows.map((r) => [String(r.cell), Number(r.n)]));
}
