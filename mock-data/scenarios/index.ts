import { createNormalScenario } from './normal.js';
import { createTyphoonScenario } from './typhoon.js';
import { DRILL_END_MINUTE } from './typhoon-timeline.js';
import { MINUTE } from '../simulator/time.js';
import type { Scenario, ScenarioName } from './types.js';

export { SCENARIO_NAMES, type Scenario, type ScenarioContext, type ScenarioName } from './types.js';
export { TYPHOON_TIMELINE, LANDFALL_MINUTE, DRILL_END_MINUTE } from './typhoon-timeline.js';

/** Simulated length of the scenarios that have a script with an end (the window a fast run plays). */
export const SCENARIO_LENGTH_MS: Partial<Record<ScenarioName, number>> = { typhoon: DRILL_END_MINUTE * MINUTE };

/** A fresh scenario by name; `start` is the simulated instant the run (or drill) begins. */
export function createScenario(name: ScenarioName, seed: number, start: number): Scenario {
  switch (name) {
    case 'normal':
      return createNormalScenario(seed);
    case 'typhoon':
      return createTyphoonScenario(start);
  }
}
