import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { caseItem } from '../../../fixtures/items.js';

/** A case as the `grid` topic carries it (with the desk's fields), only what a test cares about given. */
export function deskCase(id: string, over: Partial<GridCase> = {}): GridCase {
  return caseItem(id, over, '2026-07-01T02:00:00.000Z');
}
