import { describe, expect, it } from 'vitest';
import { planHandling } from '../../../../mock-data/history/handling.js';
import { Rng } from '../../../../mock-data/simulator/rng.js';
import { deadlineAt } from '../../../../shared/domain/lifecycle.js';

const HOUR = 3_600_000;
// Housing and construction: the poorest performer, so late cases are many.
const category = { code: 'road_damage', name: '道路破损', nameEn: 'Road damage', kind: 'facility' as const, department: 'housing', deadlineHours: 48, clock: 'natural' as const };

describe('a history case’s handling', () => {
  it('never leaves a case a day past its deadline without a 督办, and closes every case it registers', () => {
    let late = 0;
    for (let i = 0; i < 400; i++) {
      const h = planHandling(Rng.stream(5, `case-${i}`), { reportedAt: Date.parse('2026-10-12T01:00:00Z'), category, source: 'inspector', departments: [], slowdown: 1 });
      if (h.rejected) continue;
      const dispatched = h.steps.filter((s) => s.action === 'dispatch').at(-1)!.at;
      const due = deadlineAt(dispatched, category).getTime();
      const feedback = h.steps.find((s) => s.action === 'feedback')!.at;
      if (feedback > due) late++;
      if (feedback - due > 24 * HOUR) expect(h.steps.some((s) => s.action === 'supervise' && s.at < feedback)).toBe(true);
      expect(h.steps.at(-1)!.action).toBe('close');
    }
    expect(late).toBeGreaterThan(40); // the rule is exercised: a quarter of the poor performer's cases are late
  });
});
