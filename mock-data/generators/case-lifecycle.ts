import type { CaseCategory } from '../../shared/schemas/city-pack.js';
import { deadlineAt } from '../../shared/domain/lifecycle.js';
import type { WorkCalendar } from '../../shared/domain/work-calendar.js';
import type { CaseSource, CaseStatus } from '../../shared/schemas/grid-event.js';
import type { Rng } from '../simulator/rng.js';
import { HOUR, MINUTE, wholeSecond } from '../simulator/time.js';

/** One later stage of a case: the status it reaches and when. */
export interface LifecycleStep {
  status: CaseStatus;
  at: number;
  /** Set from dispatch on: the department the case was sent to. */
  department?: string;
}

/** How a case ends, for tests and statistics. */
export type LifecycleOutcome = 'rejected' | 'on_time' | 'overdue';

export interface LifecyclePlan {
  outcome: LifecycleOutcome;
  steps: LifecycleStep[];
}

/** Shares of the ordinary outcomes (the rest is handled on time). */
export const OUTCOME_SHARES = { rejected: 0.05, rejectedVideo: 0.12, overdue: 0.06 } as const;

/**
 * Plans a case from registration to closure, relative to its category's deadline: the
 * supervision centre registers within half an hour, the command centre dispatches (the
 * deadline clock starts), the department reports back — usually well within the deadline,
 * in about one case in sixteen late (up to 2.5 × the deadline) — and an inspector closes it.
 * Some reports are not accepted. Sending a case back (退回) is a duty officer's action in
 * the cockpit; the lifecycle lets integrations only move cases forward, so none is planned.
 * `slowdown` > 1 (a storm) stretches handling and makes late cases more common. Handling
 * counts on the category's clock: on working hours (`calendar`), work starts and is reported
 * in office time, never over a weekend or a holiday.
 */
export function planLifecycle(rng: Rng, reportedAt: number, category: CaseCategory, source: CaseSource, slowdown = 1, calendar?: WorkCalendar): LifecyclePlan {
  const automatic = source === 'video_ai' || source === 'sensor';
  const registered = reportedAt + (automatic ? rng.range(2, 10) : rng.range(5, 30)) * MINUTE;
  const rejectShare = source === 'video_ai' ? OUTCOME_SHARES.rejectedVideo : OUTCOME_SHARES.rejected;
  if (rng.chance(rejectShare)) {
    return { outcome: 'rejected', steps: [{ status: 'rejected', at: wholeSecond(registered) }] };
  }
  const department = category.department;
  const deadline = category.deadlineHours * HOUR;
  const dispatched = registered + rng.range(5, 40) * MINUTE * slowdown;
  /** `share` of the deadline after dispatch, on the category's clock. */
  const into = (share: number) => deadlineAt(dispatched, { deadlineHours: category.deadlineHours * share, clock: category.clock }, calendar).getTime();
  const closingDelay = (rng.range(10, 30) + rng.range(0, 150) * Math.min(1, deadline / (24 * HOUR))) * MINUTE;
  const u = rng.next();
  const overdueShare = Math.min(0.6, OUTCOME_SHARES.overdue * slowdown);
  const steps: LifecycleStep[] = [
    { status: 'registered', at: registered },
    { status: 'dispatched', at: dispatched, department },
  ];
  const late = u < overdueShare;
  const outcome: LifecycleOutcome = late ? 'overdue' : 'on_time';
  // Most fixes come early in the deadline (a streetlight within a day of a two-day limit), a
  // tail close to it: a week's closure rate lands at the 95–99 % real cities report.
  const fraction = late ? rng.range(1.1, 2.5) : Math.min(0.97, (0.06 + 0.7 * rng.next() ** 3) * slowdown);
  const feedback = into(fraction);
  steps.push(
    { status: 'in_progress', at: into(fraction * rng.range(0.05, 0.4)), department },
    { status: 'feedback', at: feedback, department },
    { status: 'closed', at: feedback + closingDelay, department },
  );
  return { outcome, steps: steps.map((s) => ({ ...s, at: wholeSecond(s.at) })) };
}
