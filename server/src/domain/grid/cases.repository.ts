import type { Queryable } from '../../store/db.js';
import { copyCsvOf, iso, isoOrNull } from '../../store/sql-helpers.js';
import type { CaseStatus, GridCase } from '../../../../shared/schemas/grid-event.js';
import { isOverdue } from '../../../../shared/domain/lifecycle.js';
import { isUuid, uuidFromName } from '../../store/ids.js';

/** A case row as stored, before derived fields. */
export interface CaseRecord {
  id: string;
  sourceId: string;
  source: GridCase['source'];
  category: string;
  kind: GridCase['kind'];
  title: string;
  description: string | null;
  lon: number;
  lat: number;
  address: string | null;
  district: string | null;
  gridCell: string | null;
  status: CaseStatus;
  department: string | null;
  reportedAt: string;
  dispatchedAt: string | null;
  deadlineAt: string | null;
  closedAt: string | null;
  escalated: boolean;
  exercise: boolean;
  updatedAt: string;
  /** A photo of the problem (Open311 `media_url`), as the reporter gave it. */
  mediaUrl: string | null;
  version: number;
  assignee: string | null;
  supervised: GridCase['supervised'];
  mergedInto: string | null;
  closeReason: GridCase['closeReason'];
}

export const COLUMNS = `id, source_id, source, category, kind, title, description, lon, lat, address, district,
  grid_cell, status, department, reported_at, dispatched_at, deadline_at, closed_at, escalated, exercise, updated_at, media_url,
  version, assignee, supervised_at, supervised_by, supervised_note, supervised_due_at, merged_into, close_reason`;

const RECORDSET = `id uuid, source_id text, source text, category text, kind text, title text, description text,
  lon double precision, lat double precision, address text, district text, grid_cell text, status text,
  department text, reported_at timestamptz, dispatched_at timestamptz, deadline_at timestamptz,
  closed_at timestamptz, escalated boolean, exercise boolean, updated_at timestamptz, media_url text,
  version integer, assignee text, supervised_at timestamptz, supervised_by text, supervised_note text,
  supervised_due_at timestamptz, merged_into uuid, close_reason text`;

type Row = Record<string, unknown>;

/** A `cases` row (all of {@link COLUMNS}) as a record. */
export function fromRow(r: Row): CaseRecord {
  return {
    id: String(r.id),
    sourceId: String(r.source_id),
    source: r.source as GridCase['source'],
    category: String(r.category),
    kind: r.kind as GridCase['kind'],
    title: String(r.title),
    description: (r.description as string | null) ?? null,
    lon: Number(r.lon),
    lat: Number(r.lat),
    address: (r.address as string | null) ?? null,
    district: (r.district as string | null) ?? null,
    gridCell: (r.grid_cell as string | null) ?? null,
    status: r.status as CaseStatus,
    department: (r.department as string | null) ?? null,
    reportedAt: iso(r.reported_at),
    dispatchedAt: isoOrNull(r.dispatched_at),
    deadlineAt: isoOrNull(r.deadline_at),
    closedAt: isoOrNull(r.closed_at),
    escalated: Boolean(r.escalated),
    exercise: Boolean(r.exercise),
    updatedAt: iso(r.updated_at),
    mediaUrl: (r.media_url as string | null) ?? null,
    version: Number(r.version),
    assignee: (r.assignee as string | null) ?? null,
    supervised: r.supervised_at ? { at: iso(r.supervised_at), by: String(r.supervised_by), note: String(r.supervised_note), dueAt: iso(r.supervised_due_at) } : null,
    mergedInto: r.merged_into === null || r.merged_into === undefined ? null : String(r.merged_into),
    closeReason: (r.close_reason as GridCase['closeReason']) ?? null,
  };
}

function toRow(c: CaseRecord): Row {
  return {
    id: c.id,
    source_id: c.sourceId,
    source: c.source,
    category: c.category,
    kind: c.kind,
    title: c.title,
    description: c.description,
    lon: c.lon,
    lat: c.lat,
    address: c.address,
    district: c.district,
    grid_cell: c.gridCell,
    status: c.status,
    department: c.department,
    reported_at: c.reportedAt,
    dispatched_at: c.dispatchedAt,
    deadline_at: c.deadlineAt,
    closed_at: c.closedAt,
    escalated: c.escalated,
    exercise: c.exercise,
    updated_at: c.updatedAt,
    media_url: c.mediaUrl,
    version: c.version,
    assignee: c.assignee,
    supervised_at: c.supervised?.at ?? null,
    supervised_by: c.supervised?.by ?? null,
    supervised_note: c.supervised?.note ?? null,
    supervised_due_at: c.supervised?.dueAt ?? null,
    merged_into: c.mergedInto,
    close_reason: c.closeReason,
  };
}

/** Whether `err` is the primary key refusing a case that is already stored. */
export function isDuplicateCase(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && e.constraint === 'cases_pkey';
}

/** The public shape of a case: the record plus whether it is overdue at `now`. */
export function toGridCase(c: CaseRecord, now: Date = new Date()): GridCase {
  // Spelled out rather than spread: every ingested case passes here on its way to the screens.
  return {
    id: c.id,
    sourceId: c.sourceId,
    source: c.source,
    category: c.category,
    kind: c.kind,
    title: c.title,
    description: c.description,
    location: { lon: c.lon, lat: c.lat },
    address: c.address,
    district: c.district,
    gridCell: c.gridCell,
    status: c.status,
    department: c.department,
    reportedAt: c.reportedAt,
    dispatchedAt: c.dispatchedAt,
    deadlineAt: c.deadlineAt,
    closedAt: c.closedAt,
    overdue: isOverdue(c, now),
    escalated: c.escalated,
    exercise: c.exercise,
    updatedAt: c.updatedAt,
    version: c.version,
    assignee: c.assignee,
    supervised: c.supervised,
    mergedInto: c.mergedInto,
    closeReason: c.closeReason,
  };
}

/** A case's id: derived from the sending system's id, so the same source id is one case. */
export function caseIdFor(sourceId: string): string {
  return uuidFromName('case', sourceId);
}

/** Reads cases by id (see `caseIdFor`), keyed by source id, locking them for the rest of the transaction. */
export async function findCases(q: Queryable, ids: string[]): Promise<Map<string, CaseRecord>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query(`select ${COLUMNS} from cases where id = any($1::uuid[]) for update`, [ids]);
  return new Map(rows.map((r) => [String(r.source_id), fromRow(r)]));
}

/**
 * Inserts new cases in one statement; returns the source ids that were already present.
 * Where the engine loads CSV faster (PGlite), the rows are copied in instead. COPY has no
 * `on conflict`: a row already present fails the statement, and with it the transaction, and
 * every source id of the batch is returned. On PGlite's one connection nothing else writes
 * between `findCases` and this insert, so that happens only to a caller that did not look first.
 */
export async function insertCases(q: Queryable, cases: CaseRecord[]): Promise<Set<string>> {
  if (cases.length === 0) return new Set();
  if (q.copyCsv) {
    try {
      const { columns, csv } = copyCsvOf(cases.map(toRow));
      await q.copyCsv(`cases (${columns})`, csv);
      return new Set();
    } catch (err) {
      if (isDuplicateCase(err)) return new Set(cases.map((c) => c.sourceId));
      throw err;
    }
  }
  const { rows } = await q.query(
    `insert into cases (${COLUMNS}) select ${COLUMNS} from json_to_recordset($1::json) as x(${RECORDSET})
     on conflict (id) do nothing returning source_id`,
    [JSON.stringify(cases.map(toRow))],
  );
  const inserted = new Set(rows.map((r) => String(r.source_id)));
  return new Set(cases.map((c) => c.sourceId).filter((s) => !inserted.has(s)));
}

/** Writes the mutable fields of existing cases. */
export async function updateCases(q: Queryable, cases: CaseRecord[]): Promise<void> {
  if (cases.length === 0) return;
  await q.query(
    `update cases c set status = x.status, department = x.department, dispatched_at = x.dispatched_at,
       deadline_at = x.deadline_at, closed_at = x.closed_at, escalated = x.escalated, updated_at = x.updated_at,
       version = x.version, assignee = x.assignee, supervised_at = x.supervised_at, supervised_by = x.supervised_by,
       supervised_note = x.supervised_note, supervised_due_at = x.supervised_due_at, merged_into = x.merged_into,
       close_reason = x.close_reason
     from json_to_recordset($1::json) as x(${RECORDSET}) where c.id = x.id`,
    [JSON.stringify(cases.map(toRow))],
  );
}

/** One case by id; `forUpdate` locks it for the rest of the transaction. */
export async function getCase(q: Queryable, id: string, forUpdate = false): Promise<CaseRecord | null> {
  if (!isUuid(id)) return null;
  const { rows } = await q.query(`select ${COLUMNS} from cases where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The photos of the given cases that have one. */
export async function mediaUrls(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const uuids = ids.filter(isUuid);
  if (uuids.length === 0) return new Map();
  const { rows } = await q.query('select id, media_url from cases where id = any($1::uuid[]) and media_url is not null', [uuids]);
  return new Map(rows.map((r) => [String(r.id), String(r.media_url)]));
}

/** Who a step taken by the sending system is attributed to. */
export function reportActor(source: string): string {
  return `source:${source}`;
}

/** Locks the cases with these ids (in id order, so two merges never deadlock) and reads them. */
export async function lockCases(q: Queryable, ids: string[]): Promise<Map<string, CaseRecord>> {
  const uuids = [...new Set(ids.filter(isUuid))];
  if (uuids.length === 0) return new Map();
  const { rows } = await q.query(`select ${COLUMNS} from cases where id = any($1::uuid[]) order by id for update`, [uuids]);
  return new Map(rows.map((r) => [String(r.id), fromRow(r)]));
}

/** Open cases past their deadline that have not been escalated yet. */
export async function findNewlyOverdue(q: Queryable, now: Date, limit = 500): Promise<CaseRecord[]> {
  const { rows } = await q.query(
    `select ${COLUMNS} from cases where status = any(array['dispatched','in_progress']) and deadline_at < $1
       and not escalated order by deadline_at limit $2 for update`,
    [now.toISOString(), limit],
  );
  return rows.map(fromRow);
}
