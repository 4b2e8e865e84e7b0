import type { CaseCategory, Department } from '../../../../shared/schemas/city-pack.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';

/** A small catalogue as a city pack would give it (fresh objects per call). */
export function catalogue(): { categories: CaseCategory[]; departments: Department[] } {
  return {
    categories: [
      { code: 'manhole_cover', name: '井盖缺失', nameEn: 'Missing manhole cover', kind: 'facility', department: 'urban_mgmt', deadlineHours: 24, clock: 'natural' },
      { code: 'illegal_parking', name: '违章停车', nameEn: 'Illegal parking', kind: 'incident', department: 'traffic_police', deadlineHours: 4, clock: 'working' },
    ],
    departments: [
      { id: 'urban_mgmt', name: '市城市管理和综合执法局', hub: 'department' },
      { id: 'traffic_police', name: '市公安局交通警察支队', hub: 'department' },
    ],
  };
}

/** A stored case with overridable fields. */
export function gridCase(over: Partial<GridCase> = {}): GridCase {
  return {
    id: 'case-1',
    sourceId: 'open311:abc',
    source: 'open311',
    category: 'manhole_cover',
    kind: 'facility',
    title: '井盖缺失',
    description: '人民路口井盖缺失',
    location: { lon: 111.98, lat: 21.86 },
    address: '人民路 1 号',
    district: '441702',
    gridCell: null,
    status: 'dispatched',
    department: 'urban_mgmt',
    reportedAt: '2026-07-01T01:00:00.000Z',
    dispatchedAt: '2026-07-01T02:00:00.000Z',
    deadlineAt: '2026-07-02T02:00:00.000Z',
    closedAt: null,
    overdue: false,
    escalated: false,
    exercise: false,
    updatedAt: '2026-07-01T02:00:00.000Z',
    version: 1,
    assignee: null,
    supervised: null,
    mergedInto: null,
    closeReason: null,
    ...over,
  };
}
