import type { Alert } from '../../../../shared/schemas/alert.js';
import type { Sender } from '../../../../shared/schemas/city-pack.js';
import { compareWarningLevels } from '../../../../shared/domain/warning.js';
import { CHINA_OFFSET_MS, chinaDateString } from '../../../../shared/domain/time.js';

/** Whether an alert is running (not cancelled or expired). */
export function isRunning(a: Alert): boolean {
  return a.state === 'active' || a.state === 'acknowledged';
}

/** Official warnings before the city's own environment notices of the same level. */
const KIND_ORDER = { warning: 0, notice: 1 } as const;

/** Running alerts, most severe first, official warnings before notices, then newest first, at most `limit`. */
export function runningAlerts(items: Iterable<Alert>, limit = Infinity): Alert[] {
  const out: Alert[] = [];
  for (const a of items) if (isRunning(a)) out.push(a);
  return out.sort((a, b) => compareWarningLevels(b.level, a.level) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || Date.parse(b.sent) - Date.parse(a.sent) || a.id.localeCompare(b.id)).slice(0, limit);
}

/**
 * Who issued an alert, as people call it: the city pack's name for the sender (English when
 * English is on and the pack has it), else the CAP `senderName`, else the sender id.
 */
export function senderName(a: Pick<Alert, 'sender' | 'senderName'>, senders: readonly Sender[] | undefined, locale: string): string {
  const known = senders?.find((s) => s.id === a.sender);
  if (known) return locale.startsWith('en') && known.nameEn ? known.nameEn : known.name;
  return a.senderName ?? a.sender;
}

/** An alert time on the China clock: `09:12` today, `11-20 09:12` on another day. */
export function alertTime(iso: string, now: number): string {
  const wall = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  const hm = wall.slice(11, 16);
  return chinaDateString(iso) === chinaDateString(now) ? hm : `${wall.slice(5, 10)} ${hm}`;
}
