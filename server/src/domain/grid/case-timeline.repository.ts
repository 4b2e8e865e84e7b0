import type { Queryable } from '../../store/db.js';
import { copyCsvOf, iso } from '../../store/sql-helpers.js';
import { isUuid } from '../../store/ids.js';
import type { CaseStatus, CaseTimelineEntry } from '../../../../shared/schemas/grid-event.js';
import { reportActor, type CaseRecord } from './cases.repository.js';

/** A timeline entry to store, with the case it belongs to. */
export type TimelineRow = CaseTimelineEntry & { caseId: string };

/** Who last changed a case, for a 409 `conflict` (CONTRACT.md: the desk shows who and offers a retry). */
export interface ChangedBy {
  actor: string;
  at: string;
  action: string | null;
}

const ENTRY_COLUMNS = 'at, status, actor, note, action, media_url, department, ref_case';

function entryFromRow(r: Record<string, unknown>): CaseTimelineEntry {
  return {
    at: iso(r.at),
    status: r.status as CaseStatus,
    actor: String(r.actor),
    ...(r.note ? { note: String(r.note) } : {}),
    ...(r.action ? { action: String(r.action) } : {}),
    ...(r.media_url ? { mediaUrl: String(r.media_url) } : {}),
    ...(r.department ? { department: String(r.department) } : {}),
    ...(r.ref_case ? { refCase: String(r.ref_case) } : {}),
  };
}

/** The entry a case's report stands for: the case row itself, not a stored step. */
function reportEntry(c: Pick<CaseRecord, 'reportedAt' | 'source'>): CaseTimelineEntry {
  return { at: c.reportedAt, status: 'reported', actor: reportActor(c.source) };
}

/** Above this many entries, where the engine loads CSV faster (PGlite), they are copied in (a bulk ingest of whole histories). */
const COPY_FROM = 200;

/** Appends timeline entries. */
export async function appendTimeline(q: Queryable, entries: TimelineRow[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    case_id: e.caseId,
    at: e.at,
    status: e.status,
    actor: e.actor,
    note: e.note ?? null,
    action: e.action ?? null,
    media_url: e.mediaUrl ?? null,
    department: e.department ?? null,
    ref_case: e.refCase ?? null,
  }));
  if (q.copyCsv && rows.length >= COPY_FROM) {
    const { columns, csv } = copyCsvOf(rows);
    return q.copyCsv(`case_timeline (${columns})`, csv);
  }
  await q.query(
    `insert into case_timeline (case_id, ${ENTRY_COLUMNS})
     select case_id, ${ENTRY_COLUMNS} from json_to_recordset($1::json)
       as x(case_id uuid, at timestamptz, status text, actor text, note text, action text, media_url text, department text, ref_case uuid)`,
    [JSON.stringify(rows)],
  );
}

/**
 * The case's whole timeline: its report (from the case row), then every stored step. A master
 * case also shows the timelines of the duplicates merged into it, each entry marked `fromCase`.
 */
export async function getTimeline(q: Queryable, c: CaseRecord): Promise<CaseTimelineEntry[]> {
  const [own, merged] = await Promise.all([
    q.query(`select ${ENTRY_COLUMNS} from case_timeline where case_id = $1 order by at, id`, [c.id]),
    q.query(
      `select d.id as from_case, d.reported_at as d_reported_at, d.source as d_source, ${ENTRY_COLUMNS.split(', ')
        .map((col) => `t.${col}`)
        .join(', ')}
       from cases d left join case_timeline t on t.case_id = d.id
       where d.merged_into = $1 order by t.at, t.id`,
      [c.id],
    ),
  ]);
  const fromMerged: CaseTimelineEntry[] = [];
  const reported = new Set<string>();
  for (const r of merged.rows) {
    const fromCase = String(r.from_case);
    if (!reported.has(fromCase)) {
      reported.add(fromCase);
      fromMerged.push({ ...reportEntry({ reportedAt: iso(r.d_reported_at), source: String(r.d_source) as CaseRecord['source'] }), fromCase });
    }
    if (r.at !== null && r.at !== undefined) fromMerged.push({ ...entryFromRow(r), fromCase });
  }
  const mine = [reportEntry(c), ...own.rows.map(entryFromRow)];
  // Stable by time: at the same instant the master's own entry comes first.
  return [...mine, ...fromMerged].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The latest change to a case: its last stored step, or its report when it has none. */
export async function lastChange(q: Queryable, c: CaseRecord): Promise<ChangedBy> {
  const { rows } = await q.query('select at, actor, action from case_timeline where case_id = $1 order by at desc, id desc limit 1', [c.id]);
  const r = rows[0];
  if (!r) return { actor: reportActor(c.source), at: c.reportedAt, action: null };
  return { actor: String(r.actor), at: iso(r.at), action: r.action ? String(r.action) : null };
}

/**
 * The closing note of each finished case (the note of its latest step to closed or rejected,
 * written by a person, not the system), for Open311's `status_notes`.
 */
export async function closingNotes(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const uuids = ids.filter(isUuid);
  if (uuids.length === 0) return new Map();
  const { rows } = await q.query(
    `select distinct on (case_id) case_id, note from case_timeline
     where case_id = any($1::uuid[]) and status in ('closed', 'rejected') and note is not null and actor <> 'system'
     order by case_id, at desc, id desc`,
    [uuids],
  );
  return new Map(rows.map((r) => [String(r.case_id), String(r.note)]));
}
