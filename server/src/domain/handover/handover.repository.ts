import type { HandoverReport, HandoverSummary, ReportDrill, ReportSection } from '../../../../shared/contracts/handover.js';
import type { DutyShift } from '../../../../shared/schemas/roster.js';
import type { Queryable } from '../../store/db.js';
import { iso, isoOrNull } from '../../store/sql-helpers.js';

const COLUMNS = `r.id, r.window_from, r.window_to, r.drill, r.note, r.submitted_by, r.submitted_at, r.signed_by, r.signed_at, r.sign_comment,
  json_build_object('id', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at, 'leader', s.leader, 'officers', s.officers, 'note', s.note, 'updatedBy', s.updated_by, 'updatedAt', s.updated_at) as shift`;

function fromRow(r: Record<string, unknown>): HandoverSummary & { drill: boolean } {
  const s = r.shift as DutyShift;
  return {
    id: String(r.id),
    shift: { ...s, startsAt: iso(s.startsAt), endsAt: iso(s.endsAt), updatedAt: iso(s.updatedAt), note: s.note ?? null },
    windowFrom: iso(r.window_from),
    windowTo: iso(r.window_to),
    drill: Boolean(r.drill),
    drills: [],
    note: (r.note as string | null) ?? null,
    submittedBy: String(r.submitted_by),
    submittedAt: iso(r.submitted_at),
    signedBy: (r.signed_by as string | null) ?? null,
    signedAt: isoOrNull(r.signed_at),
    signComment: (r.sign_comment as string | null) ?? null,
  };
}

/** Stores a submitted report (replacing the shift's unsigned one, which the service checked). */
export async function saveReport(q: Queryable, r: HandoverReport & { id: string }): Promise<void> {
  await q.query(
    `insert into handover_reports (id, shift_id, window_from, window_to, drill, sections, note, submitted_by, submitted_at)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
     on conflict (shift_id) do update set id = $1, window_from = $3, window_to = $4, drill = $5, sections = $6::jsonb, note = $7, submitted_by = $8, submitted_at = $9`,
    [r.id, r.shift.id, r.windowFrom, r.windowTo, r.drills.length > 0, JSON.stringify({ drills: r.drills, sections: r.sections }), r.note, r.submittedBy, r.submittedAt],
  );
}

/** One report with its sections, or null. */
export async function getReport(q: Queryable, where: { id: string } | { shiftId: string }, lock = false): Promise<HandoverReport | null> {
  const [column, value] = 'id' in where ? ['r.id', where.id] : ['r.shift_id', where.shiftId];
  const { rows } = await q.query(`select ${COLUMNS}, r.sections from handover_reports r join duty_shifts s on s.id = r.shift_id where ${column} = $1${lock ? ' for update of r' : ''}`, [value]);
  if (!rows[0]) return null;
  const { drill: _drill, ...summary } = fromRow(rows[0]);
  const body = rows[0].sections as { drills: ReportDrill[]; sections: ReportSection[] };
  return { ...summary, drills: body.drills, sections: body.sections };
}

/** Records the sign-off (接班签收); false when the report was signed meanwhile. */
export async function signReport(q: Queryable, id: string, by: string, at: string, comment: string | null): Promise<boolean> {
  const { rows } = await q.query('update handover_reports set signed_by = $2, signed_at = $3, sign_comment = $4 where id = $1 and signed_at is null returning id', [id, by, at, comment]);
  return rows.length > 0;
}

/** The reports, newest shift first, `before` a shift start for the next page. */
export async function listReports(q: Queryable, f: { limit: number; before?: string }): Promise<Array<HandoverSummary & { drill: boolean }>> {
  const { rows } = await q.query(
    `select ${COLUMNS} from handover_reports r join duty_shifts s on s.id = r.shift_id where ($2::timestamptz is null or s.starts_at < $2) order by s.starts_at desc limit $1`,
    [f.limit, f.before ?? null],
  );
  return rows.map(fromRow);
}
