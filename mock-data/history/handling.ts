import type { CaseCategory, Department } from '../../shared/schemas/city-pack.js';
import type { CaseSource, CaseStepAction } from '../../shared/schemas/grid-event.js';
import { OUTCOME_SHARES } from '../generators/case-lifecycle.js';
import { SEND_BACK_NOTE } from '../generators/grid-events.js';
import type { Rng } from '../simulator/rng.js';
import { deadlineAt } from '../../shared/domain/lifecycle.js';
import type { WorkCalendar } from '../../shared/domain/work-calendar.js';
import { HOUR, MINUTE, wholeSecond } from '../simulator/time.js';

/** How well a department handles its cases. */
export interface Performance {
  /** Share of cases fed back within the deadline (before storms). */
  onTime: number;
  /** Share of fed-back cases the verifying inspector sends back for rework (返工). */
  sendBack: number;
  /** Share of cases first dispatched to the wrong department and re-dispatched (改派) to this one. */
  redispatch: number;
  /** Share of the overdue cases the command centre formally supervises (督办). */
  supervise: number;
  /** How much of its deadline a typical on-time fix takes (1 = the usual pace). */
  pace: number;
}

export const PERFORMANCE = {
  good: { onTime: 0.975, sendBack: 0.025, redispatch: 0.01, supervise: 0.4, pace: 0.7 },
  average: { onTime: 0.92, sendBack: 0.07, redispatch: 0.035, supervise: 0.5, pace: 1 },
  poor: { onTime: 0.74, sendBack: 0.17, redispatch: 0.08, supervise: 0.65, pace: 1.5 },
} as const satisfies Record<string, Performance>;

/**
 * The departments that stand out in the history, so the rankings show contrasts: sanitation
 * (环境卫生管理处) is quick and thorough, housing and construction (住房和城乡建设局: road and
 * pavement repairs, dust) slow and often sent back; every other department is average.
 */
export const STANDOUTS: Readonly<Record<string, keyof typeof PERFORMANCE>> = { sanitation: 'good', housing: 'poor' };

export function performanceOf(department: string): Performance {
  return PERFORMANCE[STANDOUTS[department] ?? 'average'];
}

/** One planned step of a case (epoch ms). */
export interface PlannedStep {
  action: CaseStepAction;
  at: number;
  department?: string;
  note?: string;
  dueAt?: number;
}

/** What happened to a case, for tests and the log. */
export interface Handling {
  steps: PlannedStep[];
  rejected: boolean;
  overdue: boolean;
  sentBack: boolean;
  supervised: boolean;
  redispatched: boolean;
  department: string | null;
}

/** What one case's handling depends on besides the random stream. */
export interface HandlingSpec {
  reportedAt: number;
  category: CaseCategory;
  source: Exclude<CaseSource, 'open311'>;
  departments: readonly Department[];
  /** > 1 under a storm: dispatch and handling take longer and fewer cases make the deadline. */
  slowdown: number;
  /** The city's working calendar, for categories whose deadline counts working hours. */
  calendar?: WorkCalendar;
}

const SUPERVISE_NOTE = '超期未办结，指挥中心督办：请于24小时内处置完毕并反馈';
const REDISPATCH_NOTE = '非本单位职责，退回指挥中心改派';

/**
 * A case's whole handling as the city's case system would record it: registered by the
 * supervision centre (or not accepted), dispatched (sometimes first to the wrong department
 * and re-dispatched), handled by the department at its pace, verified on site — sometimes
 * sent back and re-done — and closed; a late case may be supervised by the command centre.
 * Times follow the category's deadline on its clock (natural or working hours), as the server counts it.
 */
export function planHandling(rng: Rng, spec: HandlingSpec): Handling {
  const { category, slowdown } = spec;
  const steps: PlannedStep[] = [];
  const out: Handling = { steps, rejected: false, overdue: false, sentBack: false, supervised: false, redispatched: false, department: null };
  const automatic = spec.source === 'video_ai' || spec.source === 'sensor';
  const registered = spec.reportedAt + (automatic ? rng.range(2, 10) : rng.range(5, 30)) * MINUTE * slowdown;
  if (rng.chance(spec.source === 'video_ai' ? OUTCOME_SHARES.rejectedVideo : OUTCOME_SHARES.rejected)) {
    steps.push({ action: 'reject', at: registered, note: '经核实不属于城市管理问题，不予立案' });
    out.rejected = true;
    return finish(out);
  }
  steps.push({ action: 'register', at: registered });
  const perf = performanceOf(category.department);
  let dispatched = registered + rng.range(5, 40) * MINUTE * slowdown;
  const others = spec.departments.filter((d) => d.id !== category.department && d.id !== 'supervision' && d.id !== 'command');
  if (others.length > 0 && rng.chance(perf.redispatch)) {
    steps.push({ action: 'dispatch', at: dispatched, department: rng.pick(others).id });
    dispatched += rng.range(1, 6) * HOUR;
    steps.push({ action: 'dispatch', at: dispatched, department: category.department, note: REDISPATCH_NOTE });
    out.redispatched = true;
  } else {
    steps.push({ action: 'dispatch', at: dispatched, department: category.department });
  }
  out.department = category.department;
  /** `share` of the deadline after the (last) dispatch, on the category's clock. */
  const start = dispatched;
  const into = (share: number) => deadlineAt(start, { deadlineHours: category.deadlineHours * share, clock: category.clock }, spec.calendar).getTime();
  const late = !rng.chance(Math.max(0.2, perf.onTime - 0.12 * (slowdown - 1)));
  const fraction = late ? rng.range(1.1, 2.5) : Math.min(0.97, (0.05 + 0.6 * rng.next() ** 3) * perf.pace * slowdown);
  let feedback = into(fraction);
  const due = into(1);
  // The command centre supervises (督办) a share of the late cases at once, and every case still
  // not fed back a day past its deadline: no case of the history stays overdue for days unsupervised.
  if (late && (rng.chance(perf.supervise) || feedback - due > 24 * HOUR)) {
    const at = due + rng.range(0.1, 0.5) * Math.min(feedback - due, 24 * HOUR);
    steps.push({ action: 'supervise', at, note: SUPERVISE_NOTE, dueAt: at + 24 * HOUR });
    out.supervised = true;
    feedback = Math.min(feedback, at + rng.range(2, 20) * HOUR);
  }
  out.overdue = feedback > due;
  steps.push({ action: 'start', at: dispatched + (feedback - dispatched) * rng.range(0.05, 0.4) });
  steps.push({ action: 'feedback', at: feedback });
  let verified = feedback + rng.range(20, 240) * MINUTE;
  if (rng.chance(perf.sendBack)) {
    steps.push({ action: 'send_back', at: verified, note: SEND_BACK_NOTE });
    const redone = Math.max(verified + 10 * MINUTE, into(fraction + rng.range(0.1, 0.5) * perf.pace));
    steps.push({ action: 'feedback', at: redone });
    verified = redone + rng.range(20, 240) * MINUTE;
    out.sentBack = true;
  }
  steps.push({ action: 'close', at: verified });
  return finish(out);
}

/** In time order, whole seconds, strictly increasing (the ingest schema refuses a step not after the one before). */
function finish(out: Handling): Handling {
  out.steps.sort((a, b) => a.at - b.at);
  let last = -Infinity;
  for (const s of out.steps) {
    s.at = Math.max(wholeSecond(s.at), last + 1000);
    if (s.dueAt !== undefined) s.dueAt = wholeSecond(s.dueAt);
    last = s.at;
  }
  return out;
}
