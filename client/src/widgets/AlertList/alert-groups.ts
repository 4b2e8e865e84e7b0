import type { Alert } from '../../../../shared/schemas/alert.js';
import { WARNING_LEVEL_ORDER, type WarningLevel } from '../../../../shared/domain/warning.js';
import { runningAlerts } from '../common/alerts.js';

/** The running alerts of one level: how many, and the newest of them up to the list's room. */
export interface AlertGroup {
  level: WarningLevel;
  total: number;
  unacknowledged: number;
  shown: Alert[];
}

/**
 * Running alerts grouped by level, most severe first (levels without alerts left out). At
 * most `limit` alerts are shown over all groups, the severe ones first, so the list is
 * bounded; each group still tells how many it holds.
 */
export function groupAlerts(items: Iterable<Alert>, limit: number): AlertGroup[] {
  const running = runningAlerts(items);
  let room = limit;
  return WARNING_LEVEL_ORDER.flatMap((level) => {
    const of = running.filter((a) => a.level === level);
    if (of.length === 0) return [];
    const shown = of.slice(0, Math.max(0, room));
    room -= shown.length;
    return [{ level, total: of.length, unacknowledged: of.filter((a) => a.state === 'active').length, shown }];
  });
}
