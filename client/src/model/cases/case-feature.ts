import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import type { MapFeature } from '../geo/source-differ.js';

/**
 * What a case point carries: only what the style draws (the colour follows from the status in
 * the style, see `statusColorExpression` in map/layers/cases.mapping.ts), so an update sends
 * the least; details are asked of the live worker on click. Built in the worker's `case-map`
 * view; no Vue, zod or MapLibre values here.
 */
export interface CaseProps {
  id: string;
  status: GridCase['status'];
  overdue: boolean;
  [key: string]: string | number | boolean | null;
}

/** A case as a point with its lifecycle status, flagged when overdue. */
export function caseFeature(c: GridCase): MapFeature<CaseProps> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [c.location.lon, c.location.lat] },
    properties: { id: c.id, status: c.status, overdue: c.overdue },
  };
}

/**
 * Properties that only colour a case: a change goes to the map as feature-state. A thousand
 * status changes a second then cost a recolour, not a re-clustering of every case.
 */
export const CASE_STATE_KEYS = ['status'] as const;
