import type { PlanActivation } from '../../../../../shared/schemas/plan.js';
import { planProgress } from '../../../../../shared/domain/plans.js';
import { listActivations } from '../../plans/plans.repository.js';
import { col, defineSection, splitTables } from './section.js';

const LEVEL_LABELS = { I: { zh: 'Ⅰ级', en: 'Level I' }, II: { zh: 'Ⅱ级', en: 'Level II' }, III: { zh: 'Ⅲ级', en: 'Level III' }, IV: { zh: 'Ⅳ级', en: 'Level IV' } };
const STATE_LABELS = { active: { zh: '响应中', en: 'Running' }, ended: { zh: '已终止', en: 'Ended' }, proposed: { zh: '待启动', en: 'Proposed' } };

const COLUMNS = [
  col('plan', 'text', '预案', 'Plan'),
  col('alert', 'text', '触发预警', 'Alert'),
  col('responseLevel', 'label', '响应级别', 'Response level', LEVEL_LABELS),
  col('levels', 'text', '级别调整', 'Level changes'),
  col('startedAt', 'time', '启动时间', 'Started'),
  col('startedBy', 'text', '启动人', 'Started by'),
  col('reason', 'text', '手动启动原因', 'Started by hand because'),
  col('done', 'text', '步骤完成', 'Steps done'),
  col('overdue', 'number', '超时步骤', 'Overdue steps'),
  col('state', 'label', '状态', 'State', STATE_LABELS),
];

/** 预案启动与执行: the response plans running at some moment of the shift, with their progress at its end. */
export const plansSection = defineSection<PlanActivation[]>({
  id: 'plans',
  async read({ q, from, to, districts }) {
    return (await listActivations(q, { from, to, districts, states: ['active', 'ended'], limit: 300 })).filter((a) => a.startedAt !== null && a.startedAt < to);
  },
  build(activations, { to }) {
    const at = Date.parse(to);
    const rows = activations.map((a) => ({ a, p: planProgress(a, at) }));
    const real = rows.filter((r) => !r.a.exercise);
    return {
      id: 'plans',
      title: { zh: '预案启动与执行', en: 'Response plans' },
      figures: [
        { key: 'activated', zh: '启动预案', en: 'Plans run', value: real.length },
        { key: 'overdueSteps', zh: '超时步骤', en: 'Overdue steps', value: real.reduce((n, r) => n + r.p.overdue, 0) },
      ],
      tables: splitTables(
        'plans',
        { zh: '预案执行情况', en: 'Plans and their progress' },
        COLUMNS,
        rows.map((r) => ({ ...r, exercise: r.a.exercise })),
        ({ a, p }) => ({
          plan: a.plan.name,
          alert: a.alert ? (a.alert.headline ?? a.alert.event) : (a.manual?.event ?? null),
          responseLevel: a.responseLevel,
          levels: a.history
            .filter((h) => h.kind === 'level_changed')
            .map((h) => `${h.from}→${h.to}`)
            .join(' '),
          startedAt: a.startedAt,
          startedBy: a.startedBy,
          reason: a.manual?.reason ?? null,
          done: `${p.done}/${p.total}`,
          overdue: p.overdue,
          state: a.endedAt && a.endedAt <= to ? 'ended' : 'active',
        }),
      ),
    };
  },
});
