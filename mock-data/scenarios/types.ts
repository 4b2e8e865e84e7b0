import type { SimCity } from '../simulator/city.js';
import type { Outbound } from '../simulator/messages.js';
import type { Rng } from '../simulator/rng.js';
import type { Weather } from '../generators/weather.js';

/** Scenarios the simulator knows. */
export const SCENARIO_NAMES = ['normal', 'typhoon'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** What the engine lends a scenario while it steps through simulated time. */
export interface ScenarioContext {
  readonly city: SimCity;
  readonly seed: number;
  /** Simulated start instant (epoch ms). */
  readonly start: number;
  /** One random stream per concern, so adding draws in one does not shift the others. */
  readonly rng: { cases: Rng; bursts: Rng; alerts: Rng; storm: Rng };
  /** Queues messages for their own `at` (never before the current step). */
  schedule(messages: readonly Outbound[]): void;
  /** A run-unique identifier with a prefix, e.g. `SIM-XC-441700-20261121T2200-1-000042`. */
  nextId(prefix: string): string;
}

/**
 * A scenario decides what happens in the city: it is asked, step by step, for the new
 * cases, citizen reports and warnings of each slice of simulated time, and it sets the
 * weather the sensors see. Everything it produces comes from the context's random streams.
 */
export interface Scenario {
  readonly name: ScenarioName;
  /** Drill (指挥演练): everything it sends is marked as exercise. */
  readonly exercise: boolean;
  weatherAt(ms: number): Weather;
  /** When set, nothing new happens from this instant on (a drill's end); open cases still progress. */
  readonly activeUntil?: number;
  /** Produces what happens in [from, to) via `ctx.schedule`. */
  step(ctx: ScenarioContext, from: number, to: number): void;
}
