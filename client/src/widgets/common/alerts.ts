import type { Alert } from '../../../../shared/schemas/alert.js';
import { compareWarningLevels } from '../../../../shared/domain/warning.js';
import { CHINA_OFFSET_MS, chinaDateString } from '../../../../shared/domain/time.js';

/** Whether an alert is running (not cancelled or expired). */
export function isRunning(a: Alert): boolean {
  return a.state === 'active' || a.state === 'acknowledged';
}

/** Running alerts, most severe first, then newest first, at most `limit`. */
export function runningAlerts(items: Iterable<Alert>, limit = Infinity): Alert[] {
  const out: Alert[] = [];
  for (const a of items) if (isRunning(a)) out.push(a);
  return out.sort((a, b) => compareWarningLevels(b.level, a.level) || Date.parse(b.sent) - Date.parse(a.sent) || a.id.localeCompare(b.id)).slice(0, limit);
}

/** An alert time on the China clock: `09:12` today, `11-20 09:12` on another day. */
export function alertTime(iso: string, now: number): string {
  const wall = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  const hm = wall.slice(11, 16);
  return chinaDateString(iso) === chinaDateString(now) ? hm : `${wall.slice(5, 10)} ${hm}`;
}
