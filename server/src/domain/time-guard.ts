import type { AlertParsed } from '../../../shared/schemas/alert.js';
import type { GridEventInput } from '../../../shared/schemas/grid-event.js';
import type { IndicatorInput } from '../../../shared/schemas/indicator.js';
import type { ObservationInput } from '../../../shared/schemas/observation.js';
import { periodProblem, timeProblem, type TimeBounds, type TimeKind } from '../../../shared/domain/time-bounds.js';
import { AppError, type ErrorIssue } from '../errors.js';
import type { IngestService } from './ports.js';

type Times<T> = (item: T) => Array<[field: string, at: string | undefined, kind: TimeKind]>;

const gridEventTimes: Times<GridEventInput> = (e) => [
  ['reportedAt', e.reportedAt, 'past'],
  ['statusAt', e.statusAt, 'past'],
  ...(e.steps ?? []).map((step, j): [string, string, TimeKind] => [`steps.${j}.at`, step.at, 'past']),
];
// An alert is sent and takes effect by now; its onset and expiry may lie ahead (a typhoon lands tomorrow).
const alertTimes: Times<AlertParsed> = (a) => [
  ['sent', a.sent, 'past'],
  ['effective', a.effective, 'past'],
  ['onset', a.onset, 'any'],
  ['expires', a.expires, 'any'],
];
const observationTimes: Times<ObservationInput> = (o) => [['observedAt', o.observedAt, 'past']];

function timeIssues<T>(items: T[], times: Times<T>, now: Date, bounds: TimeBounds): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  items.forEach((item, i) => {
    for (const [field, at, kind] of times(item)) {
      const problem = at === undefined ? null : timeProblem(at, now, bounds, kind);
      if (problem) issues.push({ path: `${i}.${field}`, message: `${field} ${problem}` });
    }
  });
  return issues;
}

function refuse(issues: ErrorIssue[]): void {
  if (issues.length) throw new AppError(422, 'validation_failed', `Invalid input: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/**
 * Wraps the ingest service so every stream, whatever interface it came through (JSON, CSV,
 * CAP, Open311, MQTT), refuses times from the future or before the earliest sane date with a
 * 422 naming the field, before anything is stored. `now` is read per call so tests can pin it.
 */
export function boundIngestTimes(ingest: IngestService, now: () => Date, bounds: TimeBounds): IngestService {
  return {
    async gridEvents(items) {
      refuse(timeIssues(items, gridEventTimes, now(), bounds));
      return ingest.gridEvents(items);
    },
    async alerts(items) {
      refuse(timeIssues(items, alertTimes, now(), bounds));
      return ingest.alerts(items);
    },
    async observations(items) {
      refuse(timeIssues(items, observationTimes, now(), bounds));
      return ingest.observations(items);
    },
    async indicators(items: IndicatorInput[]) {
      const t = now();
      refuse(
        items.flatMap((it, i) => {
          const problem = periodProblem(it.period, t, bounds);
          return problem ? [{ path: `${i}.period`, message: `period ${it.period} ${problem}` }] : [];
        }),
      );
      return ingest.indicators(items);
    },
  };
}
