import type { Bilingual } from '../../../../../shared/contracts/handover.js';
import { OPEN_STATUSES } from '../../../../../shared/domain/lifecycle.js';
import { iso } from '../../../store/sql-helpers.js';
import { ALERT_SCOPE, CASE_SCOPE, LEVEL_LABELS, col, defineSection, splitTables } from './section.js';

/** What the outgoing officer hands over unfinished. */
export interface OpenItem {
  kind: 'alert' | 'case';
  since: string;
  level: string | null;
  text: string;
  exercise: boolean;
}

const KIND_LABELS: Record<OpenItem['kind'], Bilingual> = {
  alert: { zh: '未确认预警', en: 'Unacknowledged alert' },
  case: { zh: '超期案件', en: 'Overdue case' },
};
const COLUMNS = [
  col('kind', 'label', '事项', 'Item', KIND_LABELS),
  col('level', 'label', '级别', 'Level', LEVEL_LABELS),
  col('text', 'text', '内容', 'What'),
  col('since', 'time', '起始时间', 'Since'),
];

/** 移交事项: alerts in force nobody acknowledged and open cases past their deadline, at the end of the shift. */
export const openItemsSection = defineSection<OpenItem[]>({
  id: 'openItems',
  async read({ q, to, districts }) {
    const alerts = await q.query(
      `select a.created_at, a.level, coalesce(a.headline, a.event) as text, a.exercise from alerts a
       where a.state = 'active' and a.acknowledged_at is null and a.created_at < $1 and (a.expires is null or a.expires > $1) and ${ALERT_SCOPE(2)}
       order by a.created_at limit 200`,
      [to, districts],
    );
    const cases = await q.query(
      `select c.deadline_at, c.title, c.exercise from cases c where c.status = any($1::text[]) and c.deadline_at < $2 and ${CASE_SCOPE(3)} order by c.deadline_at limit 200`,
      [OPEN_STATUSES, to, districts],
    );
    return [
      ...alerts.rows.map((r) => ({ kind: 'alert' as const, since: iso(r.created_at), level: String(r.level), text: String(r.text), exercise: Boolean(r.exercise) })),
      ...cases.rows.map((r) => ({ kind: 'case' as const, since: iso(r.deadline_at), level: null, text: String(r.title), exercise: Boolean(r.exercise) })),
    ];
  },
  build(items) {
    const real = items.filter((i) => !i.exercise);
    return {
      id: 'openItems',
      title: { zh: '移交事项', en: 'Open items handed over' },
      figures: [
        { key: 'alerts', zh: '未确认预警', en: 'Unacknowledged alerts', value: real.filter((i) => i.kind === 'alert').length },
        { key: 'cases', zh: '超期案件', en: 'Overdue cases', value: real.filter((i) => i.kind === 'case').length },
      ],
      tables: splitTables('openItems', { zh: '移交事项清单', en: 'Items handed over' }, COLUMNS, items, (i) => ({ kind: i.kind, level: i.level, text: i.text, since: i.since })),
    };
  },
});
