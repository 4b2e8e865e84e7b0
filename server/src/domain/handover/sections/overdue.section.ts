import { OPEN_STATUSES } from '../../../../../shared/domain/lifecycle.js';
import { isoOrNull } from '../../../store/sql-helpers.js';
import { STAGE_LABELS } from './case-labels.js';
import { CASE_SCOPE, col, defineSection, minutesBetween, splitTables } from './section.js';

/** An open case past its deadline at the end of the shift, or under supervision (督办). */
export interface WatchedCase {
  id: string;
  title: string;
  status: string;
  department: string | null;
  exercise: boolean;
  deadlineAt: string | null;
  supervisedAt: string | null;
  supervisedBy: string | null;
}

const COLUMNS = [
  col('title', 'text', '案件', 'Case'),
  col('status', 'label', '当前环节', 'Stage', STAGE_LABELS),
  col('department', 'text', '承办部门', 'Department'),
  col('deadlineAt', 'time', '处置时限', 'Deadline'),
  col('overdueMinutes', 'minutes', '超期时长', 'Overdue by'),
  col('supervisedAt', 'time', '督办时间', 'Supervised'),
  col('supervisedBy', 'text', '督办人', 'Supervised by'),
];

/** Whether `c` is past its deadline at `at`. */
export const overdueAt = (c: Pick<WatchedCase, 'deadlineAt'>, at: string) => !!c.deadlineAt && c.deadlineAt < at;

/** 超期与督办案件: open cases past their deadline at the shift's end, and those under supervision. */
export const overdueSection = defineSection<WatchedCase[]>({
  id: 'overdue',
  async read({ q, to, districts }) {
    const { rows } = await q.query(
      `select c.id, c.title, c.status, c.department, c.exercise, c.deadline_at, c.supervised_at, c.supervised_by from cases c
       where c.status = any($1::text[]) and (c.deadline_at < $2 or c.supervised_at is not null) and ${CASE_SCOPE(3)}
       order by c.deadline_at nulls last, c.id limit 300`,
      [OPEN_STATUSES, to, districts],
    );
    return rows.map((r) => ({
      id: String(r.id),
      title: String(r.title),
      status: String(r.status),
      department: (r.department as string | null) ?? null,
      exercise: Boolean(r.exercise),
      deadlineAt: isoOrNull(r.deadline_at),
      supervisedAt: isoOrNull(r.supervised_at),
      supervisedBy: (r.supervised_by as string | null) ?? null,
    }));
  },
  build(cases, { to }) {
    const real = cases.filter((c) => !c.exercise);
    return {
      id: 'overdue',
      title: { zh: '超期与督办案件', en: 'Overdue and supervised cases' },
      figures: [
        { key: 'overdue', zh: '超期案件', en: 'Overdue', value: real.filter((c) => overdueAt(c, to)).length },
        { key: 'supervised', zh: '督办案件', en: 'Supervised', value: real.filter((c) => c.supervisedAt).length },
      ],
      tables: splitTables('overdue', { zh: '超期与督办明细', en: 'Overdue and supervised' }, COLUMNS, cases, (c) => ({
        title: c.title,
        status: c.status,
        department: c.department,
        deadlineAt: c.deadlineAt,
        overdueMinutes: overdueAt(c, to) ? minutesBetween(c.deadlineAt, to) : null,
        supervisedAt: c.supervisedAt,
        supervisedBy: c.supervisedBy,
      })),
    };
  },
});
