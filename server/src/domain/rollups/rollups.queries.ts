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

/** A run of whole local days, `fromDay..toDay` inclusive (YYYY-MM-DD). */
export type DaySpan = Pick<RollupFilter, 'fromDay' | 'toDay'>;

/**
 * SQL for the H3 parent at `resolution` of the unit-grid cell in `column` (hex text): the
 * index with its resolution field set to `resolution` and the digits below it set to 7, as
 * h3's cellToParent does; '' (no cell) stays ''.
 */
function parentCellSql(column: string, resolution: number): string {
  const keep = BigInt.asIntN(64, ~(15n << 52n)); // all but the resolution field
  const set = (BigInt(resolution) << 52n) | ((1n << BigInt(3 * (15 - resolution))) - 1n);
  return `case when ${column} = '' then '' else to_hex((('x' || lpad(${column}, 16, '0'))::bit(64)::bigint & (${keep})::bigint) | ${set}::bigint) end`;
}

/**
 * The counters summed per group key over each of `spans` (in one statement: PGlite has one
 * connection, and each round trip waits for the server's other work); `day` keys are
 * YYYY-MM-DD, `cell` keys the unit-grid cells' parents at `resolution` when it is coarser.
 * Only `counters` are summed (the others stay 0), since each sum costs every row read.
 */
export async function sumRollups(
  q: Queryable,
  f: Omit<RollupFilter, 'fromDay' | 'toDay'>,
  spans: readonly DaySpan[],
  by: RollupGroup,
  counters: readonly Counter[] = COUNTERS,
  opts: { resolution?: number; unitResolution?: number } = {},
): Promise<Map<string, Counters>[]> {
  const params: unknown[] = [f.exercise];
  const scope = scopeParts(f, params, ['exercise = $1'], 'cell');
  const coarser = by === 'cell' && opts.resolution !== undefined && opts.unitResolution !== undefined && opts.resolution < opts.unitResolution;
  const key = by === 'day' ? "to_char(day, 'YYYY-MM-DD')" : coarser ? parentCellSql('cell', opts.resolution!) : by;
  const sums = counters.map((k) => `sum(${k}) as ${k}`).join(', ');
  const parts = spans.map((span, i) => {
    params.push(span.fromDay, span.toDay);
    return `select ${i} as span, ${key} as key, ${sums} from case_rollups where day >= $${params.length - 1}::date and day <= $${params.length}::date and ${scope} group by 2`;
  });
  const { rows } = await q.query(parts.join(' union all '), params);
  const out = spans.map(() => new Map<string, Counters>());
  for (const r of rows) {
    const c = emptyCounters();
    for (const k of counters) c[k] = Number(r[k] ?? 0);
    out[Number(r.span)]!.set(String(r.key), c);
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
