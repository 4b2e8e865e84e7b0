import type { CaseCategory } from '../../shared/schemas/city-pack.js';
import type { WorkCalendar } from '../../shared/domain/work-calendar.js';
import type { LonLat } from '../../shared/schemas/common.js';
import type { CaseSource, GridEventInput } from '../../shared/schemas/grid-event.js';
import type { SimDistrict } from '../simulator/city.js';
import type { Open311Request, Outbound } from '../simulator/messages.js';
import type { Rng } from '../simulator/rng.js';
import { toLocalIso, wholeSecond } from '../simulator/time.js';
import { planLifecycle, type LifecycleOutcome } from './case-lifecycle.js';
import { caseTexts } from './case-texts.js';

/** Everything that decides one new case. */
export interface CaseSpec {
  sourceId: string;
  at: number;
  source: Exclude<CaseSource, 'open311'>;
  category: CaseCategory;
  district: SimDistrict;
  location: LonLat;
  exercise: boolean;
  /** > 1 stretches handling (storms). */
  slowdown?: number;
  /** Shared cause of a burst, mentioned in the description. */
  cause?: string;
  /** The city's working calendar, for categories whose deadline counts working hours. */
  calendar?: WorkCalendar;
}

const REPORTERS: Record<CaseSpec['source'], string> = {
  inspector: '网格巡查员',
  citizen: '市民',
  hotline: '12345政务服务便民热线',
  video_ai: '视频智能分析平台',
  sensor: '城市生命线感知平台',
};

/**
 * A new case and its whole planned life: the `reported` event plus one upsert per later
 * status (same `sourceId`, forward `status`, `statusAt`, `department` once dispatched).
 */
export function caseMessages(rng: Rng, spec: CaseSpec): { messages: Outbound[]; outcome: LifecycleOutcome } {
  const texts = caseTexts(rng, spec.source, spec.category, spec.district, spec.cause);
  const at = wholeSecond(spec.at);
  const base: GridEventInput = {
    sourceId: spec.sourceId,
    source: spec.source,
    category: spec.category.code,
    kind: spec.category.kind,
    title: texts.title,
    description: texts.description,
    location: spec.location,
    address: texts.address,
    reportedAt: toLocalIso(at),
    status: 'reported',
    statusAt: toLocalIso(at),
    reporter: REPORTERS[spec.source],
    ...(spec.exercise ? { exercise: true } : {}),
  };
  const plan = planLifecycle(rng, at, spec.category, spec.source, spec.slowdown, spec.calendar);
  const messages: Outbound[] = [{ channel: 'grid', at, payload: base }];
  for (const step of plan.steps) {
    const payload: GridEventInput = { ...base, status: step.status, statusAt: toLocalIso(step.at) };
    if (step.department) payload.department = step.department;
    messages.push({ channel: 'grid', at: step.at, payload });
  }
  return { messages, outcome: plan.outcome };
}

/** Everything that decides one citizen report. */
export interface CitizenReportSpec {
  /** Becomes the Open311 `request_token`, so a retried POST is stored once. */
  token: string;
  at: number;
  category: CaseCategory;
  district: SimDistrict;
  location: LonLat;
  exercise: boolean;
}

/**
 * A citizen's report through Open311 (`service_code` = the category code). The server
 * assigns the case id, so the simulator does not move these cases along: they wait for
 * the duty officers, as citizen reports do.
 */
export function open311Message(rng: Rng, spec: CitizenReportSpec): Outbound {
  const texts = caseTexts(rng, 'citizen', spec.category, spec.district);
  const payload: Open311Request = {
    service_code: spec.category.code,
    lat: spec.location.lat.toFixed(6),
    long: spec.location.lon.toFixed(6),
    description: texts.description,
    address_string: texts.address,
    request_token: spec.token,
    ...(spec.exercise ? { exercise: 'true' as const } : {}),
  };
  return { channel: 'open311', at: wholeSecond(spec.at), payload };
}
