import { indicatorBackfill, duePublications } from '../generators/indicators.js';
import { DEFAULT_INTERVALS, dueObservations, observationHistory, type ObservationIntervals } from '../generators/observations.js';
import { createScenario, type Scenario, type ScenarioContext, type ScenarioName } from '../scenarios/index.js';
import type { SimCity } from './city.js';
import { asExercise } from './exercise.js';
import type { Outbound } from './messages.js';
import { Rng } from './rng.js';
import { Scheduler } from './scheduler.js';
import { HOUR, stamp } from './time.js';

/** Simulated time is processed in fixed slices, so output does not depend on tick timing. */
export const QUANTUM_MS = 10_000;

/**
 * Back-filled time carries hourly readings, as a station's history (小时值) does: a week of
 * 5-minute readings would multiply the back-fill twelvefold for charts that show hours.
 */
export const BACKFILL_INTERVALS: ObservationIntervals = { air: 60, noise: 60, water: 60 };
/**
 * The last hours before the start keep the live intervals, so a screen opened at once finds
 * every station current (hourly readings alone would leave the last one up to an hour old,
 * and the wall would grey the air widgets as late).
 */
export const BACKFILL_LIVE_TAIL_MS = 6 * 3_600_000;

export interface EngineOptions {
  city: SimCity;
  seed: number;
  scenario: ScenarioName;
  /** The simulated "now" of the run's start (epoch ms); timestamps and ids derive from it. */
  start: number;
  /** Simulate this many hours before `start` first (sent at once), so screens open with a day's data. */
  backfillHours?: number;
  /** Reading intervals in simulated minutes. */
  intervals?: ObservationIntervals;
  /** Hours of hourly readings sent before the start, for trend charts. Default 24. */
  historyHours?: number;
  /** Run as a drill whatever the scenario: everything sent is exercise data (a drill scenario always is). */
  drill?: boolean;
}

/**
 * The pure core of the simulator: a deterministic function of (city, seed, scenario,
 * start) that yields the messages of each stretch of simulated time in order. The network
 * loop asks it for everything up to the simulated now and delivers the result.
 */
export class SimEngine {
  readonly scenario: Scenario;
  readonly start: number;
  /** A drill run: every message it yields is exercise data. */
  readonly exercise: boolean;
  private readonly scheduler = new Scheduler();
  private readonly ctx: ScenarioContext;
  private readonly opts: EngineOptions;
  private cursor: number;
  private counter = 0;

  constructor(opts: EngineOptions) {
    this.opts = opts;
    this.start = Math.floor(opts.start / 1000) * 1000;
    this.cursor = Math.floor((this.start - (opts.backfillHours ?? 0) * HOUR) / QUANTUM_MS) * QUANTUM_MS;
    this.scenario = createScenario(opts.scenario, opts.seed, this.start);
    this.exercise = this.scenario.exercise || opts.drill === true;
    const { seed, city } = opts;
    const run = `${city.adcode}-${stamp(this.start)}-${seed}`;
    const kind = this.exercise ? 'DRILL' : 'SIM';
    this.ctx = {
      city,
      seed,
      start: this.start,
      rng: {
        cases: Rng.stream(seed, 'cases'),
        bursts: Rng.stream(seed, 'bursts'),
        alerts: Rng.stream(seed, 'alerts'),
        storm: Rng.stream(seed, 'storm'),
      },
      schedule: (messages) => messages.forEach((m) => this.scheduler.schedule(m)),
      nextId: (prefix) => `${kind}-${prefix}-${run}-${String(++this.counter).padStart(6, '0')}`,
    };
  }

  /** Simulated instant up to which messages have been produced. */
  get now(): number {
    return this.cursor;
  }

  /** True when the scenario has ended and every planned message has been produced. */
  get finished(): boolean {
    const until = this.scenario.activeUntil;
    return until !== undefined && this.cursor >= until && this.scheduler.size === 0;
  }

  /** Messages planned for later (steps of open cases, pending warning changes). */
  get pending(): number {
    return this.scheduler.size;
  }

  /**
   * The state of the world before the first step: this year's and last year's published
   * economic indicators, and hourly readings of the last `historyHours`.
   */
  initial(): Outbound[] {
    const { seed, city } = this.opts;
    const origin = this.cursor;
    return this.marked([...indicatorBackfill(seed, city, origin), ...observationHistory(seed, city, origin, this.opts.historyHours ?? 24, (ms) => this.scenario.weatherAt(ms), this.exercise)]);
  }

  /** Every message due before `to`, in time order; only whole quanta are processed. */
  advance(to: number): Outbound[] {
    const { seed, city } = this.opts;
    const intervals = this.opts.intervals ?? DEFAULT_INTERVALS;
    const weatherAt = (ms: number) => this.scenario.weatherAt(ms);
    const out: Outbound[] = [];
    while (this.cursor + QUANTUM_MS <= to) {
      const from = this.cursor;
      const end = from + QUANTUM_MS;
      const until = this.scenario.activeUntil;
      if (until === undefined || from < until) {
        this.scenario.step(this.ctx, from, end);
        this.ctx.schedule(dueObservations(seed, city, from, end, from < this.start - BACKFILL_LIVE_TAIL_MS ? BACKFILL_INTERVALS : intervals, weatherAt, this.exercise));
      }
      this.ctx.schedule(duePublications(seed, city, from, end));
      out.push(...this.scheduler.popBefore(end));
      this.cursor = end;
    }
    return this.marked(out);
  }

  /** A drill's messages are all exercise data (economic indicators included), whichever generator made them. */
  private marked(messages: Outbound[]): Outbound[] {
    return this.exercise ? messages.map(asExercise) : messages;
  }
}
