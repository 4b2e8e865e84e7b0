export { startSimulator, type Simulator, type SimulatorOptions } from './start-simulator.js';
export type { SimulatorStats } from './stats.js';
export { SimEngine, QUANTUM_MS, type EngineOptions } from './engine.js';
export { loadSimCity, prepareCity, type SimCity, type SimDistrict } from './city.js';
export type { Outbound, Open311Request } from './messages.js';
export type { SimLog } from './log.js';
export { SCENARIO_NAMES, type ScenarioName } from '../scenarios/types.js';
