import { describe, expect, it } from 'vitest';
import { planLifecycle } from '../../../mock-data/generators/case-lifecycle.js';
import { guangdongCalendar } from '../../../mock-data/city-pack-builder/calendar.js';
import { Rng } from '../../../mock-data/simulator/rng.js';
import { deadlineAt } from '../../../shared/domain/lifecycle.js';
import { clockHoursBetween } from '../../../shared/domain/work-calendar.js';
import type { CaseCategory } from '../../../shared/schemas/city-pack.js';

const calendar = guangdongCalendar();
const roadDamage: CaseCategory = { code: 'road_damage', name: '道路破损', nameEn: 'Road surface damage', kind: 'facility', department: 'housing', deadlineHours: 21, clock: 'working' };
const at = (plan: ReturnType<typeof planLifecycle>, status: string) => plan.steps.find((s) => s.status === status)!.at;
/** Whether an instant lies inside the calendar's working time (a moment of working hours ends there). */
const atWork = (ms: number) => clockHoursBetween('working', calendar, new Date(ms - 60_000), new Date(ms)) > 0;

describe('planLifecycle on the working clock', () => {
  it('starts and reports work in office time and meets the working-hours deadline when on time', () => {
    const rng = new Rng('working-clock');
    // Reports of the Friday afternoon before 国庆 2025 and of a weekend: the clock pauses over both.
    const starts = [Date.parse('2025-09-26T16:40:00+08:00'), Date.parse('2025-09-30T15:00:00+08:00'), Date.parse('2025-10-04T10:00:00+08:00')];
    let plans = 0;
    for (let i = 0; i < 300; i++) {
      const plan = planLifecycle(rng, starts[i % starts.length]!, roadDamage, 'inspector', 1, calendar);
      if (plan.outcome === 'rejected') continue;
      plans++;
      const dispatched = at(plan, 'dispatched');
      for (const status of ['in_progress', 'feedback']) expect(atWork(at(plan, status)), `${status} of plan ${i}`).toBe(true);
      const due = deadlineAt(dispatched, roadDamage, calendar).getTime();
      expect(at(plan, 'feedback') <= due).toBe(plan.outcome === 'on_time');
    }
    expect(plans).toBeGreaterThan(250);
  });
});
