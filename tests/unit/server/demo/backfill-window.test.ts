import { describe, expect, it } from 'vitest';
import { DEMO_BACKFILL_HOURS, LIVE_TAIL_HOURS, READING_HISTORY_HOURS, demoPlan } from '../../../../server/src/demo/backfill-window.js';
import type { Queryable } from '../../../../server/src/store/db.js';

const NOW = new Date('2026-12-07T04:00:00+08:00');
/** A database whose real cases were reported between `first` and `last` (null: none stored). */
const holding = (first: string | null, last: string | null = first): Queryable => ({
  query: async <R>(sql: string) => {
    expect(sql).toMatch(/min\(reported_at\).*max\(reported_at\).*exercise = false/);
    return { rows: [{ first, last }] as R[] };
  },
});

// Issue 10 #16 and issue 12 #1: the demo opens on history, and a restart must not add a second one.
describe('what the demo back-fills at start', () => {
  it('on a fresh install the simulator plays only the live tail, with a week of readings; the history ends where it begins', async () => {
    expect(await demoPlan(holding(null), NOW)).toEqual({
      simulatorHours: LIVE_TAIL_HOURS,
      readingHours: READING_HISTORY_HOURS,
      historyEnd: new Date(NOW.getTime() - LIVE_TAIL_HOURS * 3_600_000),
    });
    expect(LIVE_TAIL_HOURS + READING_HISTORY_HOURS).toBe(7 * 24);
  });

  it('after a restart, only the time the server was down, and no readings before it', async () => {
    expect(await demoPlan(holding('2026-09-08T00:00:00+08:00', '2026-12-07T01:30:00+08:00'), NOW)).toMatchObject({ simulatorHours: 2.5, readingHours: 0 });
    expect((await demoPlan(holding('2026-12-01T00:00:00+08:00', '2026-12-07T03:59:30+08:00'), NOW)).simulatorHours).toBe(0);
    expect((await demoPlan(holding('2026-12-01T00:00:00+08:00', '2026-12-08T00:00:00+08:00'), NOW)).simulatorHours).toBe(0);
  });

  it('never more than a week, however long it was down', async () => {
    expect((await demoPlan(holding('2026-10-01T00:00:00+08:00'), NOW)).simulatorHours).toBe(DEMO_BACKFILL_HOURS);
  });

  it('a history started on a database with cases ends before the earliest of them', async () => {
    expect((await demoPlan(holding('2026-12-01T08:00:00+08:00', '2026-12-07T03:00:00+08:00'), NOW)).historyEnd).toEqual(new Date('2026-12-01T08:00:00+08:00'));
  });
});
