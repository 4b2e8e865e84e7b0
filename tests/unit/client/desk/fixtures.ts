import type { GridCase } from '../../../../shared/schemas/grid-event.js';

const T = '2026-07-01T02:00:00.000Z';

/** A case as the `grid` topic carries it (with the desk's fields), only what a test cares about given. */
export function deskCase(id: string, over: Partial<GridCase> = {}): GridCase {
  return {
    id,
    sourceId: `src-${id}`,
    source: 'inspector',
    category: 'road_damage',
    kind: 'facility',
    title: `case ${id}`,
    description: null,
    location: { lon: 111.98, lat: 21.86 },
    address: null,
    district: '441702',
    gridCell: null,
    status: 'registered',
    department: null,
    reportedAt: T,
    dispatchedAt: null,
    deadlineAt: null,
    closedAt: null,
    overdue: false,
    escalated: false,
    exercise: false,
    updatedAt: T,
    version: 1,
    assignee: null,
    supervised: null,
    mergedInto: null,
    closeReason: null,
    ...over,
  };
}
