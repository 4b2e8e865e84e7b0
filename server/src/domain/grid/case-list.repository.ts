import type { Queryable } from '../../store/db.js';
import { decodeCursor, encodeCursor } from '../../store/sql-helpers.js';
import { AppError } from '../../errors.js';
import type { CaseStatus } from '../../../../shared/schemas/grid-event.js';
import type { CaseFilter } from '../ports.js';
import { OPEN_STATUSES } from '../../../../shared/domain/lifecycle.js';
import { COLUMNS, fromRow, type CaseRecord } from './cases.repository.js';

/** The statuses of a case still being worked, as an SQL list (literal, so the partial index of migration 007 applies). */
const OPEN_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Keys a null deadline sorts by, so that cases without one come last in either order and a
 * cursor can still name them (a timestamp both engines and `Date` accept).
 */
const NO_DEADLINE = { asc: '9999-12-31T23:59:59.000Z', desc: '0001-01-01T00:00:00.000Z' } as const;

type Order = 'asc' | 'desc';

/** A WHERE clause under construction; `?` in a condition is its one parameter (repeatable). */
class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, value: unknown): void {
    this.params.push(value);
    this.parts.push(sql.replaceAll('?', `$${this.params.length}`));
  }
  get sql(): string {
    return this.parts.join(' and ');
  }
}

/** `%text%` for ILIKE with the pattern characters of `text` taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Every filter of `f` but its statuses and cursor (those the counts per status leave out). */
function filterWhere(f: CaseFilter, now: Date): Where {
  const w = new Where();
  if (f.districts) w.add('district = any(?::text[])', f.districts);
  if (f.category) w.add('category = ?', f.category);
  if (f.categories) w.add('category = any(?::text[])', [...new Set(f.categories)]);
  if (f.source) w.add('source = ?', f.source);
  if (f.assignee) w.add('assignee = ?', f.assignee);
  if (f.department) w.add('department = ?', f.department);
  if (f.supervised !== undefined) w.parts.push(`supervised_at is ${f.supervised ? 'not ' : ''}null`);
  // A substring anywhere, any case: the other filters (partition, district, status) narrow first.
  if (f.q) w.add('(title ilike ? or description ilike ? or address ilike ?)', containsPattern(f.q));
  if (f.reportedFrom) w.add('reported_at >= ?', f.reportedFrom);
  if (f.reportedTo) w.add('reported_at < ?', f.reportedTo);
  if (f.cells) w.add('grid_cell = any(?::text[])', f.cells);
  w.add('exercise = ?', f.exercise ?? false);
  if (f.overdue !== undefined) {
    w.add(`(${f.overdue ? '' : 'not '}(status = any(array['dispatched','in_progress']) and deadline_at < ?))`, now.toISOString());
  }
  return w;
}

/** The sort key of a listing as SQL, and as the value a cursor carries for a record. */
function sortKey(f: CaseFilter, order: Order): { sql: string; of: (c: CaseRecord) => string } {
  if (f.sort === 'deadline') {
    const none = NO_DEADLINE[order];
    return { sql: `coalesce(deadline_at, timestamptz '${none}')`, of: (c) => c.deadlineAt ?? none };
  }
  return { sql: 'reported_at', of: (c) => c.reportedAt };
}

/**
 * Lists cases with keyset paging on (sort key, id): newest report first by default, or by
 * deadline (soonest first by default; cases without one last). A cursor is valid for the
 * filters and sort it was issued with.
 */
export async function listCases(q: Queryable, f: CaseFilter, now = new Date()): Promise<{ items: CaseRecord[]; nextCursor: string | null }> {
  const w = filterWhere(f, now);
  if (f.statuses?.length) w.add('status = any(?::text[])', f.statuses);
  const order: Order = f.order ?? (f.sort === 'deadline' ? 'asc' : 'desc');
  const key = sortKey(f, order);
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    if (!c) throw new AppError(400, 'bad_cursor', 'cursor is not valid', [{ path: 'cursor', message: 'not a cursor from this API' }]);
    w.params.push(c.at, c.id);
    w.parts.push(`(${key.sql}, id) ${order === 'asc' ? '>' : '<'} ($${w.params.length - 1}::timestamptz, $${w.params.length}::uuid)`);
  }
  const limit = Math.min(Math.max(f.limit ?? 100, 1), 1000);
  w.params.push(limit + 1);
  const { rows } = await q.query(`select ${COLUMNS} from cases where ${w.sql} order by ${key.sql} ${order}, id ${order} limit $${w.params.length}`, w.params);
  const items = rows.slice(0, limit).map(fromRow);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key.of(last), last.id) : null };
}

/** How many cases match `f` in each status, whatever statuses `f` asks for (the queue's tabs). */
export async function countByStatus(q: Queryable, f: CaseFilter, now = new Date()): Promise<Partial<Record<CaseStatus, number>>> {
  const w = filterWhere(f, now);
  const { rows } = await q.query<{ status: CaseStatus; n: number }>(`select status, count(*)::int as n from cases where ${w.sql} group by status`, w.params);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** How far apart two reports may be to count as possible duplicates. */
const RELATED_WINDOW = '24 hours';

/**
 * Possible duplicates of `c`: same unit grid cell and category, reported within 24 hours of
 * it, in its partition (drill or real) and within `districts`; newest first, at most `limit`.
 */
export async function relatedCases(q: Queryable, c: CaseRecord, districts: string[] | null, limit = 20): Promise<CaseRecord[]> {
  if (!c.gridCell) return [];
  const params: unknown[] = [c.gridCell, c.category, c.reportedAt, c.id, c.exercise, limit];
  const scope = districts ? `and district = any($${params.push(districts)}::text[])` : '';
  const { rows } = await q.query(
    `select ${COLUMNS} from cases
     where grid_cell = $1 and category = $2 and reported_at between $3::timestamptz - interval '${RELATED_WINDOW}' and $3::timestamptz + interval '${RELATED_WINDOW}'
       and id <> $4 and exercise = $5 ${scope}
     order by reported_at desc, id desc limit $6`,
    params,
  );
  return rows.map(fromRow);
}

/** How many finished cases touched today a snapshot carries at most (open cases are never cut). */
const SNAPSHOT_FINISHED_CAP = 5000;

/**
 * What a screen or desk needs to start from: every open case of the scope (the desk works the
 * whole queue), and the finished ones touched since `since` up to a cap, newest first.
 */
export async function snapshotCases(q: Queryable, districts: string[] | null, since: string, finishedCap = SNAPSHOT_FINISHED_CAP): Promise<CaseRecord[]> {
  const params: unknown[] = [since, finishedCap];
  const scope = districts ? `and district = any($${params.push(districts)}::text[])` : '';
  const { rows } = await q.query(
    `select * from (
       (select ${COLUMNS} from cases where status in ${OPEN_SQL} ${scope})
       union all
       (select ${COLUMNS} from cases where status not in ${OPEN_SQL} and updated_at >= $1 ${scope} order by updated_at desc limit $2)
     ) s order by updated_at desc`,
    params,
  );
  return rows.map(fromRow);
}
