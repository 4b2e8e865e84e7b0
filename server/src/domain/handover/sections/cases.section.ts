import { OPEN_STATUSES } from '../../../../../shared/domain/lifecycle.js';
import { iso, isoOrNull } from '../../../store/sql-helpers.js';
import { STAGE_LABELS } from './case-labels.js';
import { CASE_SCOPE, col, defineSection, splitTables, type SectionWindow } from './section.js';

/** A case opened or closed during the shift. */
export interface ShiftCase {
  id: string;
  title: string;
  district: string | null;
  status: string;
  exercise: boolean;
  reportedAt: string;
  closedAt: string | null;
}

/** The cases of the shift, and how many cases stand open at each stage now. */
export interface CasesData {
  cases: ShiftCase[];
  openByStage: Array<{ status: string; exercise: boolean; count: number }>;
}

const list = (places: SectionWindow['places']) => [
  col('reportedAt', 'time', '上报时间', 'Reported'),
  col('title', 'text', '案件', 'Case'),
  col('district', 'label', '区域', 'District', places),
  col('status', 'label', '当前环节', 'Stage', STAGE_LABELS),
  col('closedAt', 'time', '结案时间', 'Closed'),
];
const STAGES = [col('status', 'label', '环节', 'Stage', STAGE_LABELS), col('count', 'number', '在办案件', 'Open cases')];

const inWindow = (at: string | null, from: string, to: string) => !!at && at >= from && at < to;

/** 案件办理情况: cases opened and closed in the shift, and the open cases by stage. */
export const casesSection = defineSection<CasesData>({
  id: 'cases',
  async read({ q, from, to, districts }) {
    const { rows } = await q.query(
      `select c.id, c.title, c.district, c.status, c.exercise, c.reported_at, c.closed_at from cases c
       where ${CASE_SCOPE(3)} and ((c.reported_at >= $1 and c.reported_at < $2) or (c.closed_at >= $1 and c.closed_at < $2))
       order by c.reported_at, c.id limit 500`,
      [from, to, districts],
    );
    const open = await q.query(`select c.status, c.exercise, count(*)::int as n from cases c where c.status = any($1::text[]) and ${CASE_SCOPE(2)} group by 1, 2`, [OPEN_STATUSES, districts]);
    return {
      cases: rows.map((r) => ({
        id: String(r.id),
        title: String(r.title),
        district: (r.district as string | null) ?? null,
        status: String(r.status),
        exercise: Boolean(r.exercise),
        reportedAt: iso(r.reported_at),
        closedAt: isoOrNull(r.closed_at),
      })),
      openByStage: open.rows.map((r) => ({ status: String(r.status), exercise: Boolean(r.exercise), count: Number(r.n) })),
    };
  },
  build({ cases, openByStage }, { from, to, places }) {
    const real = cases.filter((c) => !c.exercise);
    const stages = OPEN_STATUSES.flatMap((status) =>
      [false, true].map((exercise) => ({ status, exercise, count: openByStage.find((s) => s.status === status && s.exercise === exercise)?.count ?? 0 })),
    ).filter((s) => !s.exercise || s.count > 0);
    return {
      id: 'cases',
      title: { zh: '案件办理情况', en: 'Cases' },
      figures: [
        { key: 'opened', zh: '本班新增', en: 'Opened in the shift', value: real.filter((c) => inWindow(c.reportedAt, from, to)).length },
        { key: 'closed', zh: '本班结案', en: 'Closed in the shift', value: real.filter((c) => inWindow(c.closedAt, from, to)).length },
        { key: 'openNow', zh: '当前在办', en: 'Open now', value: stages.filter((s) => !s.exercise).reduce((n, s) => n + s.count, 0) },
      ],
      tables: [
        ...splitTables('stages', { zh: '在办案件分环节', en: 'Open cases by stage' }, STAGES, stages, (s) => ({ status: s.status, count: s.count })),
        ...splitTables('cases', { zh: '本班案件', en: 'Cases of the shift' }, list(places), cases, (c) => ({
          reportedAt: c.reportedAt,
          title: c.title,
          district: c.district,
          status: c.status,
          closedAt: c.closedAt,
        })),
      ],
    };
  },
});
