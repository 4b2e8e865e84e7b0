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

function where(f: RollupFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.fromDay, f.toDay, f.exercise];
  const parts = ['day >= $1::date', 'day <= $2::date', 'exercise = $3'];
  if (f.districts) {
    params.push(f.districts);
    parts.push(`district = any($${params.length}::text[])`);
  }
  if (f.category) {
    params.push(f.category);
    parts.push(`category = $${params.length}`);
  }
  if (f.cells) {
    params.push(f.cells);
    parts.push(`cell = any($${params.length}::text[])`);
  }
  return { sql: parts.join(' and '), params };
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
