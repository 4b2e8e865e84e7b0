/**
 * The cases of the bulk fixture (see case-fixture.ts): each a whole life drawn with the
 * simulator's generators — district by the city's activity shares, a place in it, the
 * category's texts, a lifecycle planned against the category's deadline — and cut at `now`,
 * so old cases are closed and recent ones still open. Some are sent back, supervised (督办),
 * evaluated or escalated as the desk and the overdue job would have done.
 */
import { latLngToCell } from 'h3-js';
import type { CaseRecord } from '../../server/src/domain/grid/cases.repository.js';
import { caseIdFor, reportActor } from '../../server/src/domain/grid/cases.repository.js';
import type { TimelineRow } from '../../server/src/domain/grid/case-timeline.repository.js';
import { actionBetween, deadlineAt } from '../../shared/domain/lifecycle.js';
import type { CaseSource, CaseStatus } from '../../shared/schemas/grid-event.js';
import type { SimCity } from '../../mock-data/simulator/city.js';
import { Rng } from '../../mock-data/simulator/rng.js';
import { DAY, HOUR, MINUTE, localParts } from '../../mock-data/simulator/time.js';
import { caseLocation, pickDistrict } from '../../mock-data/generators/location.js';
import { caseTexts } from '../../mock-data/generators/case-texts.js';
import { pickCategory } from '../../mock-data/generators/categories.js';
import { planLifecycle, type LifecycleStep } from '../../mock-data/generators/case-lifecycle.js';
import { activityAt } from '../../mock-data/generators/rhythm.js';
import { CALM } from '../../mock-data/generators/weather.js';

/** Where the fixture's cases come from; `hotline` is 12345. */
const SOURCE_SHARES: ReadonlyArray<[CaseSource, number]> = [
  ['inspector', 0.42],
  ['hotline', 0.26],
  ['citizen', 0.08],
  ['video_ai', 0.14],
  ['sensor', 0.06],
  ['open311', 0.04],
];
/** Shares of the desk's actions on the cases that reach them. */
export const FIXTURE_SHARES = { sendBack: 0.04, supervised: 0.02, evaluated: 0.5 } as const;
/** The city grows busier over the window (about +20 % a year), so 同比 differs from 环比. */
const YEARLY_GROWTH = 0.2;
const DUTY = 'duty';

/** What decides the fixture: the same options give the same cases. */
export interface FixtureSpec {
  city: SimCity;
  gridResolution: number;
  seed: number;
  /** Epoch ms: the end of the window; no step lies after it. */
  now: number;
  /** Days back from `now` the reports are spread over. */
  days: number;
}

/** One case and the timeline steps stored after its report. */
export interface FixtureCase {
  record: CaseRecord;
  timeline: TimelineRow[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A report time in the window, following the day's rhythm, weekends and the growth. */
function reportTime(rng: Rng, spec: FixtureSpec): number {
  const span = spec.days * DAY;
  for (;;) {
    const ms = spec.now - rng.next() * span;
    const { weekday } = localParts(ms);
    const weight = activityAt(ms) * (weekday === 0 || weekday === 6 ? 0.85 : 1) * (1 - YEARLY_GROWTH * ((spec.now - ms) / (365 * DAY)));
    if (rng.next() * 2.2 < weight) return Math.floor(ms / 1000) * 1000;
  }
}

/** A step of the fixture's plan: `status` null keeps the status (督办). */
type PlannedStep = Omit<LifecycleStep, 'status'> & { status: CaseStatus | null; action?: string; actor?: string; note?: string };

/**
 * The planned steps with the desk's part: a send-back (退回) between feedback and closing
 * for some cases, a supervision (督办) while the department works for a few others.
 */
function withDesk(rng: Rng, steps: LifecycleStep[], deadlineHours: number): PlannedStep[] {
  let out: PlannedStep[] = steps;
  const feedback = steps.findIndex((s) => s.status === 'feedback');
  if (feedback < 0) return out;
  const first = steps[feedback]!;
  if (rng.chance(FIXTURE_SHARES.sendBack)) {
    const back = first.at + rng.range(20, 120) * MINUTE;
    const again = back + rng.range(1, 12) * HOUR;
    const shift = again - first.at + rng.range(10, 60) * MINUTE;
    out = [
      ...steps.slice(0, feedback + 1),
      { status: 'in_progress', at: back, department: first.department, action: 'send_back', actor: DUTY },
      { status: 'feedback', at: again, department: first.department },
      ...steps.slice(feedback + 1).map((s) => ({ ...s, at: s.at + shift })),
    ];
  }
  const dispatched = steps.find((s) => s.status === 'dispatched');
  if (dispatched && rng.chance(FIXTURE_SHARES.supervised)) {
    const at = Math.floor(dispatched.at + rng.range(0.1, 0.9) * (first.at - dispatched.at));
    const due = at + deadlineHours * 0.5 * HOUR;
    out = [...out, { status: null, at, department: first.department, action: 'supervise', actor: DUTY, note: `请加快处置，${iso(due)}前反馈` }];
    out.sort((a, b) => a.at - b.at);
  }
  return out;
}

/** Draws case number `i` of the fixture (deterministic in the spec and `i`). */
export function fixtureCase(spec: FixtureSpec, i: number): FixtureCase {
  const rng = Rng.stream(spec.seed, `case:${i}`);
  const source = rng.weighted(SOURCE_SHARES, ([, w]) => w)[0];
  const district = pickDistrict(rng, spec.city.districts);
  const category = pickCategory(rng, spec.city.categories, source, CALM);
  const location = caseLocation(rng, district);
  const reportedAt = reportTime(rng, spec);
  const texts = caseTexts(rng, source === 'open311' ? 'citizen' : source, category, district);
  const sourceId = source === 'hotline' ? `12345-fx${spec.seed}-${i}` : `fx${spec.seed}-${source}-${i}`;
  const rec: CaseRecord = {
    id: caseIdFor(sourceId),
    sourceId,
    source,
    category: category.code,
    kind: category.kind,
    title: texts.title,
    description: texts.description,
    lon: location.lon,
    lat: location.lat,
    address: texts.address,
    district: district.adcode,
    gridCell: latLngToCell(location.lat, location.lon, spec.gridResolution),
    status: 'reported',
    department: null,
    reportedAt: iso(reportedAt),
    dispatchedAt: null,
    deadlineAt: null,
    closedAt: null,
    escalated: false,
    exercise: false,
    updatedAt: iso(reportedAt),
    mediaUrl: null,
    version: 1,
    assignee: null,
    supervised: null,
    mergedInto: null,
    closeReason: null,
  };
  const timeline: TimelineRow[] = [];
  const step = (at: number, status: CaseStatus, actor: string, action: string | null, extra: Partial<TimelineRow> = {}) => {
    timeline.push({ caseId: rec.id, at: iso(at), status, actor, ...(action ? { action } : {}), ...extra });
    rec.version += 1;
    rec.updatedAt = iso(at);
  };
  const plan = planLifecycle(rng, reportedAt, category, source, 1, spec.city.calendar);
  let deadline = Infinity;
  let since = reportedAt;
  for (const s of withDesk(rng, plan.steps, category.deadlineHours)) {
    if (s.at > spec.now) break;
    escalateBefore(s.at);
    const status = s.status ?? rec.status;
    step(s.at, status, s.actor ?? reportActor(source), s.action ?? actionBetween(rec.status, status), {
      ...(s.department ? { department: s.department } : {}),
      ...(s.note ? { note: s.note } : {}),
    });
    if (s.action === 'supervise') {
      deadline = s.at + category.deadlineHours * 0.5 * HOUR;
      rec.supervised = { at: iso(s.at), by: DUTY, note: s.note!, dueAt: iso(deadline) };
      rec.deadlineAt = rec.supervised.dueAt; // as the desk's 督办 does: a new due time, a new clock
      rec.escalated = false;
      continue;
    }
    if (status === 'dispatched') {
      rec.department = s.department ?? category.department;
      rec.dispatchedAt = iso(s.at);
      deadline = deadlineAt(s.at, category, spec.city.calendar).getTime();
      rec.deadlineAt = iso(deadline);
    }
    if (status === 'closed') rec.closedAt = iso(s.at);
    rec.status = status;
    since = s.at;
  }
  escalateBefore(spec.now);
  if (rec.status === 'closed' && rng.chance(FIXTURE_SHARES.evaluated)) {
    const at = Date.parse(rec.closedAt!) + rng.range(1, 72) * HOUR;
    if (at <= spec.now) {
      step(at, 'evaluated', 'system', 'evaluate');
      rec.status = 'evaluated';
    }
  }
  return { record: rec, timeline };

  /** The overdue job escalates a running case whose deadline passed before `until`. */
  function escalateBefore(until: number): void {
    const at = Math.max(deadline, since) + MINUTE;
    if (rec.escalated || (rec.status !== 'dispatched' && rec.status !== 'in_progress') || at > until) return;
    rec.escalated = true;
    step(at, rec.status, 'system', 'escalate', { note: 'overdue: escalated to the command centre' });
  }
}
