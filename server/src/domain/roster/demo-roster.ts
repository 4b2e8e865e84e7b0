import { chinaDayStart } from '../../../../shared/domain/time.js';
import type { DutyShift } from '../../../../shared/schemas/roster.js';
import type { Db } from '../../store/db.js';
import { uuidFromName } from '../../store/ids.js';
import * as repo from './roster.repository.js';

const DAY = 86_400_000;
/** 白班 08:30–17:30 and 夜班 17:30–08:30 the next morning, Beijing time (ms after midnight). */
const SHIFTS = [
  { start: 8.5 * 3_600_000, end: 17.5 * 3_600_000, note: '白班' },
  { start: 17.5 * 3_600_000, end: 32.5 * 3_600_000, note: '夜班' },
];

/**
 * The demo city's roster around `now`: a day and a night shift for the past and the next week,
 * the demo accounts `duty` and `duty2` taking turns (so the incoming officer is another user)
 * beside a named colleague, under the `leader` account or a named deputy leader.
 */
export function demoRoster(now: Date, days = 7): DutyShift[] {
  const today = chinaDayStart(now).getTime();
  const shifts: DutyShift[] = [];
  for (let d = -days - 1; d <= days; d++) {
    SHIFTS.forEach((s, k) => {
      const n = (d + days + 1) * 2 + k;
      const startsAt = new Date(today + d * DAY + s.start).toISOString();
      shifts.push({
        id: uuidFromName('demo-roster', startsAt),
        startsAt,
        endsAt: new Date(today + d * DAY + s.end).toISOString(),
        leader: n % 4 < 2 ? { name: 'leader', phone: '0662-3316001' } : { name: '陈志强', phone: '0662-3316002' },
        officers: [n % 2 ? { name: 'duty2', phone: '0662-3316012' } : { name: 'duty', phone: '0662-3316011' }, { name: n % 2 ? '李敏' : '王磊' }],
        note: s.note,
        updatedBy: 'demo',
        updatedAt: now.toISOString(),
      });
    });
  }
  return shifts;
}

/** Writes the demo roster when the fortnight around `now` has no shift yet (an operator's roster is never touched). */
export async function seedDemoRoster(db: Db, now: Date): Promise<number> {
  const shifts = demoRoster(now);
  return db.transaction(async (tx) => {
    if ((await repo.shiftsBetween(tx, shifts[0]!.startsAt, shifts.at(-1)!.endsAt)).length) return 0;
    for (const s of shifts) await repo.upsertShift(tx, s);
    return shifts.length;
  });
}
