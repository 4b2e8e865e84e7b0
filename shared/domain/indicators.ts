/**
 * The evaluation indicators (综合评价, DOMAIN.md "Digital city-management cases") and the
 * heatmap metrics, computed from summed case-rollup counters. Pure: the server sums rollup
 * rows, these turn sums into rates, scores and ranks.
 */
import type { EvaluationWeights, HeatmapMetric, IndicatorName, Indicators } from '../contracts/evaluation.js';

/**
 * The rollup counters (migration 010). Counts sit on their own event's day; `due` and the
 * `due_*` outcomes sit on the deadline's day, so a period's 按期 rates compare like with like.
 */
export const COUNTERS = [
  'reported',
  'hotline',
  'registered',
  'registered_on_time',
  'dispatched',
  'redispatched',
  'fed_back',
  'sent_back',
  'closed',
  'supervised',
  'handling_hours',
  'handling_count',
  'due',
  'due_fed_back',
  'due_fed_back_on_time',
  'due_closed_on_time',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;
/** Each counter's index in COUNTERS. */
export const COUNTER_INDEX = Object.freeze(Object.fromEntries(COUNTERS.map((k, i) => [k, i])) as Record<Counter, number>);

const ZERO = Object.freeze(Object.fromEntries(COUNTERS.map((k) => [k, 0])) as Counters);

/** All counters at 0 (a copy of one template: the rollups make one per key of every ingested case). */
export function emptyCounters(): Counters {
  return { ...ZERO };
}

/** Adds `b` into `a`. */
export function addCounters(a: Counters, b: Readonly<Partial<Counters>>): Counters {
  for (const k of COUNTERS) a[k] += b[k] ?? 0;
  return a;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? Math.min(1, num / den) : null);

/** The indicators of summed counters. */
export function indicatorsOf(s: Counters): Indicators {
  return {
    reported: s.reported,
    registered: s.registered,
    dispatched: s.dispatched,
    closed: s.closed,
    onTimeRegistrationRate: ratio(s.registered_on_time, s.registered),
    accurateDispatchRate: s.dispatched > 0 ? Math.max(0, s.dispatched - s.redispatched) / s.dispatched : null,
    disposalRate: ratio(s.due_fed_back, s.due),
    onTimeDisposalRate: ratio(s.due_fed_back_on_time, s.due),
    closureRate: ratio(s.closed, s.registered),
    onTimeClosureRate: ratio(s.due_closed_on_time, s.due),
    sendBackRate: ratio(s.sent_back, s.fed_back),
    avgHandlingHours: s.handling_count > 0 ? s.handling_hours / s.handling_count : null,
    supervised: s.supervised,
  };
}

/** Whether nothing at all was recorded (a period before history began). */
export function isEmpty(s: Counters): boolean {
  return COUNTERS.every((k) => s[k] === 0);
}

/**
 * Overdue (DOMAIN.md: past the deadline and not yet in feedback), counted over a window: the
 * cases whose deadline fell in it and had passed, without a feedback by the deadline. The
 * rollups keep the deadline's day, so on a day still running `notYetDue` — its cases with a
 * deadline still ahead and no feedback (rollups.queries.ts `pendingDeadlines`) — are taken off.
 */
export function overdueOf(s: Counters, notYetDue = 0): number {
  return Math.max(0, s.due - s.due_fed_back_on_time - notYetDue);
}

/**
 * The counters `metricOf` reads for each metric, `reported` first (every heatmap cell shows it
 * as its count): the heatmap sums only these, not every counter of every rollup row.
 */
export const HEATMAP_COUNTERS: Record<HeatmapMetric, readonly Counter[]> = {
  count: ['reported'],
  density: ['reported'],
  closureRate: ['reported', 'closed', 'registered'],
  onTimeClosureRate: ['reported', 'due_closed_on_time', 'due'],
  overdue: ['reported', 'due', 'due_fed_back_on_time'],
  avgHandlingHours: ['reported', 'handling_hours', 'handling_count'],
  sendBacks: ['reported', 'sent_back'],
  hotline: ['reported', 'hotline'],
};

/** A heatmap metric of a cell's sums (`HEATMAP_COUNTERS` of it); `areaKm2` is the cell's area (for density), `notYetDue` as for {@link overdueOf}. */
export function metricOf(metric: HeatmapMetric, s: Counters, areaKm2: number, notYetDue = 0): number | null {
  switch (metric) {
    case 'count':
      return s.reported;
    case 'density':
      return areaKm2 > 0 ? s.reported / areaKm2 : null;
    case 'closureRate':
      return ratio(s.closed, s.registered);
    case 'onTimeClosureRate':
      return ratio(s.due_closed_on_time, s.due);
    case 'overdue':
      return overdueOf(s, notYetDue);
    case 'avgHandlingHours':
      return s.handling_count > 0 ? s.handling_hours / s.handling_count : null;
    case 'sendBacks':
      return s.sent_back;
    case 'hotline':
      return s.hotline;
  }
}

/** Default weights of the score (docs/CITY_PACK.md): the 按期 rates first, as CJ/T 292 practice does. */
export const DEFAULT_EVALUATION_WEIGHTS: EvaluationWeights = {
  onTimeClosureRate: 30,
  onTimeDisposalRate: 20,
  closureRate: 15,
  accurateDispatchRate: 10,
  onTimeRegistrationRate: 10,
  sendBackRate: 15,
};

/** Indicators where less is better. */
const LOWER_IS_BETTER: ReadonlySet<IndicatorName> = new Set(['sendBackRate', 'avgHandlingHours', 'supervised']);
const RATES: ReadonlySet<IndicatorName> = new Set(['onTimeRegistrationRate', 'accurateDispatchRate', 'disposalRate', 'onTimeDisposalRate', 'closureRate', 'onTimeClosureRate', 'sendBackRate']);

/**
 * Scores 0..100 for rows of indicators: each weighted indicator gives 0..1 — a rate itself
 * (1 − rate for 返工率), another figure relative to the largest among the rows (inverted where
 * less is better) — and the score is their weighted mean; an undefined (null) indicator drops
 * out of its row's mean. A row with no weighted indicator defined scores 0.
 */
export function scores(rows: readonly Indicators[], weights: EvaluationWeights): number[] {
  const names = (Object.keys(weights) as IndicatorName[]).filter((k) => (weights[k] ?? 0) > 0);
  const max = new Map(names.map((k) => [k, Math.max(0, ...rows.map((r) => r[k] ?? 0))]));
  return rows.map((r) => {
    let sum = 0;
    let total = 0;
    for (const k of names) {
      const v = r[k];
      if (v === null) continue;
      const scale = RATES.has(k) ? 1 : max.get(k)!;
      const share = scale > 0 ? v / scale : 0;
      sum += weights[k]! * (LOWER_IS_BETTER.has(k) ? 1 - share : share);
      total += weights[k]!;
    }
    return total > 0 ? Math.round((sum / total) * 1000) / 10 : 0;
  });
}

/** Ranks (1 = highest score); equal scores share the better rank. */
export function ranks(scoreList: readonly number[]): number[] {
  return scoreList.map((s) => 1 + scoreList.filter((o) => o > s).length);
}
