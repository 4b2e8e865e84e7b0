import { isActive } from '../../../../../shared/domain/dispatch.js';
import type { AssignmentRecord } from '../../dispatch/assignments.repository.js';
import { list } from '../../dispatch/assignments.repository.js';
import { col, defineSection, splitTables } from './section.js';

const KIND_LABELS = { team: { zh: '救援队伍', en: 'Team' }, material: { zh: '物资', en: 'Material' }, shelter: { zh: '避难场所', en: 'Shelter' } };
const STATE_LABELS = {
  assigned: { zh: '已派出', en: 'Assigned' },
  en_route: { zh: '在途', en: 'En route' },
  on_scene: { zh: '到场', en: 'On scene' },
  done: { zh: '完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

const COLUMNS = (resources: Record<string, string>) => [
  col('resource', 'label', '资源', 'Resource', Object.fromEntries(Object.entries(resources).map(([id, name]) => [id, { zh: name, en: name }]))),
  col('kind', 'label', '类别', 'Kind', KIND_LABELS),
  col('item', 'text', '物资/项目', 'Item'),
  col('quantity', 'number', '数量', 'Quantity'),
  col('target', 'text', '调往', 'Sent to'),
  col('createdAt', 'time', '调度时间', 'Assigned'),
  col('createdBy', 'text', '调度人', 'By'),
  col('state', 'label', '当前状态', 'State', STATE_LABELS),
];

/** 资源调度: rescue teams, materials and shelters committed at some moment of the shift, and where they stand. */
export const dispatchSection = defineSection<AssignmentRecord[]>({
  id: 'dispatch',
  read: ({ q, from, to, districts }) => list(q, { districts, window: { from, to }, limit: 1000 }),
  build(assignments, { resources }) {
    const real = assignments.filter((a) => !a.exercise);
    const people = real.filter((a) => a.kind === 'team' && isActive(a.state)).reduce((n, a) => n + a.quantity, 0);
    return {
      id: 'dispatch',
      title: { zh: '资源调度', en: 'Resources dispatched' },
      figures: [
        { key: 'assignments', zh: '调度任务', en: 'Assignments', value: real.length },
        { key: 'active', zh: '仍在执行', en: 'Still out', value: real.filter((a) => isActive(a.state)).length },
        { key: 'people', zh: '在外救援人员', en: 'Rescuers out', value: people },
      ],
      tables: splitTables('dispatch', { zh: '调度明细', en: 'Assignments' }, COLUMNS(resources), assignments, (a) => ({
        resource: a.resourceId,
        kind: a.kind,
        item: a.kind === 'material' ? a.item : null,
        quantity: a.quantity,
        target: a.target.label ?? a.target.id,
        createdAt: a.createdAt,
        createdBy: a.createdBy,
        state: a.state,
      })),
    };
  },
});
