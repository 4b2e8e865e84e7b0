import { describe, expect, it } from 'vitest';
import { DEMO_BACKFILL_HOURS, demoBackfillHours } from '../../../../server/src/demo/backfill-window.js';
import type { Queryable } from '../../../../server/src/store/db.js';

const NOW = new Date('2026-12-07T04:00:00+08:00');
/** A database whose latest real case was reported at `last` (null: none stored). */
const holding = (last: string | null): Queryable => ({
  query: async <R>(sql: string) => {
    expect(sql).toMatch(/max\(reported_at\).*exercise = false/);
    return { rows: [{ last }] as R[] };
  },
});

// Issue 10 #16: the demo opens on a week of history, and a restart must not add a second one.
describe('how much the demo back-fills', () => {
  it('a week on a fresh install', async () => {
    expect(DEMO_BACKFILL_HOURS).toBeGreaterThanOrEqual(7 * 24);
    expect(await demoBackfillHours(holding(null), NOW)).toBe(DEMO_BACKFILL_HOURS);
  });

  it('after a restart, only the time the server was down', async () => {
    expect(await demoBackfillHours(holding('2026-12-07T01:30:00+08:00'), NOW)).toBe(2.5);
    expect(await demoBackfillHours(holding('2026-12-07T03:59:30+08:00'), NOW)).toBe(0);
    expect(await demoBackfillHours(holding('2026-12-08T00:00:00+08:00'), NOW)).toBe(0);
  });

  it('never more than a week, however long it was down', async () => {
    expect(await demoBackfillHours(holding('2026-10-01T00:00:00+08:00'), NOW)).toBe(DEMO_BACKFILL_HOURS);
  });
});
