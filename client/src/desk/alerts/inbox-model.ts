import type { Alert } from '../../../../shared/schemas/alert.js';
import { WARNING_LEVEL_ORDER, type WarningLevel } from '../../../../shared/domain/warning.js';
import { runningAlerts } from '../../widgets/common/alerts.js';

/** The unacknowledged alerts of one level, in inbox order. */
export interface InboxGroup {
  level: WarningLevel;
  alerts: Alert[];
}

/** What the inbox shows: pending alerts by level, and the acknowledged ones apart. */
export interface InboxView {
  groups: InboxGroup[];
  acknowledged: Alert[];
}

/**
 * Sorts running alerts into the inbox: most severe first, official warnings before the
 * city's environment notices within a level (as the wall does), newest first; acknowledged
 * alerts leave their level for the 已签收 section. `query` keeps only alerts whose
 * `searchText` contains it (case-insensitive); levels without alerts are left out.
 */
export function inboxView(items: Iterable<Alert>, query = '', searchText: (a: Alert) => string = (a) => a.headline ?? a.event): InboxView {
  const q = query.trim().toLowerCase();
  const shown = runningAlerts(items).filter((a) => !q || searchText(a).toLowerCase().includes(q));
  const pending = shown.filter((a) => a.state === 'active');
  return {
    groups: WARNING_LEVEL_ORDER.flatMap((level) => {
      const alerts = pending.filter((a) => a.level === level);
      return alerts.length ? [{ level, alerts }] : [];
    }),
    acknowledged: shown.filter((a) => a.state === 'acknowledged'),
  };
}

/** The rows in the order the keyboard walks them: the pending groups, then (when open) the acknowledged section. */
export function rowOrder(view: InboxView, acknowledgedOpen: boolean): Alert[] {
  const pending = view.groups.flatMap((g) => g.alerts);
  return acknowledgedOpen ? [...pending, ...view.acknowledged] : pending;
}
