import { iso, isoOrNull } from '../../../store/sql-helpers.js';
import { ALERT_SCOPE, LEVEL_LABELS, col, defineSection, minutesBetween, splitTables } from './section.js';

/** An alert received or acknowledged during the shift. */
export interface ShiftAlert {
  id: string;
  level: string;
  event: string;
  headline: string | null;
  exercise: boolean;
  receivedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

const COLUMNS = [
  col('receivedAt', 'time', '接收时间', 'Received'),
  col('level', 'label', '级别', 'Level', LEVEL_LABELS),
  col('event', 'text', '事件', 'Event'),
  col('headline', 'text', '标题', 'Headline'),
  col('acknowledgedBy', 'text', '确认人', 'Acknowledged by'),
  col('acknowledgedAt', 'time', '确认时间', 'Acknowledged'),
  col('waitMinutes', 'minutes', '等待时长', 'Waited'),
];

/** 预警接收与确认: the alerts received or acknowledged in the shift, who acknowledged each and how long it waited. */
export const alertsSection = defineSection<ShiftAlert[]>({
  id: 'alerts',
  async read({ q, from, to, districts }) {
    // updated_at >= from is implied by either condition (an alert's every change moves it) and narrows the scan.
    const { rows } = await q.query(
      `select a.id, a.level, a.event, a.headline, a.exercise, a.acknowledged_by, a.acknowledged_at, coalesce(h.at, a.created_at) as received_at
       from alerts a
       left join lateral (select min(at) as at from alert_history where alert_id = a.id and kind = 'received') h on true
       where a.updated_at >= $1 and ${ALERT_SCOPE(3)}
         and ((coalesce(h.at, a.created_at) >= $1 and coalesce(h.at, a.created_at) < $2) or (a.acknowledged_at >= $1 and a.acknowledged_at < $2))
       order by received_at, a.id limit 500`,
      [from, to, districts],
    );
    return rows.map((r) => ({
      id: String(r.id),
      level: String(r.level),
      event: String(r.event),
      headline: (r.headline as string | null) ?? null,
      exercise: Boolean(r.exercise),
      receivedAt: iso(r.received_at),
      acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
      acknowledgedAt: isoOrNull(r.acknowledged_at),
    }));
  },
  build(alerts, { from, to }) {
    const real = alerts.filter((a) => !a.exercise);
    const received = real.filter((a) => a.receivedAt >= from && a.receivedAt < to);
    const acked = real.filter((a) => a.acknowledgedAt && a.acknowledgedAt >= from && a.acknowledgedAt < to);
    const waits = acked.map((a) => minutesBetween(a.receivedAt, a.acknowledgedAt)!);
    return {
      id: 'alerts',
      title: { zh: '预警接收与确认', en: 'Alerts received and acknowledged' },
      figures: [
        { key: 'received', zh: '接收预警', en: 'Received', value: received.length },
        { key: 'acknowledged', zh: '已确认', en: 'Acknowledged', value: acked.length },
        { key: 'unacknowledged', zh: '未确认', en: 'Not acknowledged', value: received.filter((a) => !a.acknowledgedAt).length },
        { key: 'avgWaitMinutes', zh: '平均确认用时(分钟)', en: 'Average wait (min)', value: waits.length ? Math.round(waits.reduce((s, w) => s + w, 0) / waits.length) : 0 },
      ],
      tables: splitTables('alerts', { zh: '预警明细', en: 'Alerts' }, COLUMNS, alerts, (a) => ({
        receivedAt: a.receivedAt,
        level: a.level,
        event: a.event,
        headline: a.headline,
        acknowledgedBy: a.acknowledgedBy,
        acknowledgedAt: a.acknowledgedAt,
        waitMinutes: minutesBetween(a.receivedAt, a.acknowledgedAt),
      })),
    };
  },
});
