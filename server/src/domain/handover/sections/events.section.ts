import type { Bilingual } from '../../../../../shared/contracts/handover.js';
import { iso } from '../../../store/sql-helpers.js';
import { ALERT_SCOPE, LEVEL_LABELS, col, defineSection, splitTables } from './section.js';

/** Something a leader wants to read about the shift first. */
export interface NotableEvent {
  at: string;
  kind: 'warning' | 'escalated' | 'drill_started' | 'drill_ended';
  level: string | null;
  text: string;
  exercise: boolean;
}

const KIND_LABELS: Record<NotableEvent['kind'], Bilingual> = {
  warning: { zh: '红橙预警', en: 'Red/orange warning' },
  escalated: { zh: '预警升级催办', en: 'Alert escalated' },
  drill_started: { zh: '演练开始', en: 'Drill started' },
  drill_ended: { zh: '演练结束', en: 'Drill ended' },
};
const COLUMNS = [col('at', 'time', '时间', 'Time'), col('kind', 'label', '类型', 'Kind', KIND_LABELS), col('level', 'label', '级别', 'Level', LEVEL_LABELS), col('text', 'text', '内容', 'What')];

/** 重要事项: red and orange warnings received, alert escalations, drills started and ended. */
export const eventsSection = defineSection<NotableEvent[]>({
  id: 'events',
  async read({ q, from, to, districts }) {
    const alerts = await q.query(
      `select h.at, h.kind, h.step, a.level, coalesce(a.headline, a.event) as text, a.exercise from alert_history h join alerts a on a.id = h.alert_id
       where h.at >= $1 and h.at < $2 and ${ALERT_SCOPE(3)} and (h.kind = 'escalated' or (h.kind = 'received' and a.level in ('red', 'orange')))
       order by h.at, h.id limit 300`,
      [from, to, districts],
    );
    const drills = await q.query(`select name, started_at, ended_at from drills where started_at < $2 and (ended_at is null or ended_at >= $1)`, [from, to]);
    const events: NotableEvent[] = alerts.rows.map((r) => ({
      at: iso(r.at),
      kind: r.kind === 'escalated' ? 'escalated' : 'warning',
      level: String(r.level),
      text: r.kind === 'escalated' ? `${String(r.text)}（第${Number(r.step ?? 0)}级催办）` : String(r.text),
      exercise: Boolean(r.exercise),
    }));
    for (const d of drills.rows) {
      const started = iso(d.started_at);
      if (started >= from) events.push({ at: started, kind: 'drill_started', level: null, text: String(d.name), exercise: true });
      const ended = d.ended_at ? iso(d.ended_at) : null;
      if (ended && ended < to) events.push({ at: ended, kind: 'drill_ended', level: null, text: String(d.name), exercise: true });
    }
    return events.sort((a, b) => a.at.localeCompare(b.at));
  },
  build(events) {
    const real = events.filter((e) => !e.exercise);
    return {
      id: 'events',
      title: { zh: '重要事项', en: 'Notable events' },
      figures: [
        { key: 'warnings', zh: '红橙预警', en: 'Red/orange warnings', value: real.filter((e) => e.kind === 'warning').length },
        { key: 'escalations', zh: '升级催办', en: 'Escalations', value: real.filter((e) => e.kind === 'escalated').length },
      ],
      tables: splitTables('events', { zh: '重要事项', en: 'Notable events' }, COLUMNS, events, (e) => ({ at: e.at, kind: e.kind, level: e.level, text: e.text })),
    };
  },
});
