import { HOUR } from './time.js';

/** How much simulated time a fast run without `--duration` or a scenario length plays before it reaches the present. */
export const DEFAULT_FAST_WINDOW_MS = 24 * HOUR;

export interface ClockOptions {
  /** Real instant the run starts (epoch ms). */
  realStart: number;
  /** Simulated seconds per real second. */
  speed: number;
  /** An explicit simulated start (`--start`); default: placed so the fast window ends at the present. */
  start?: number;
  /** Planned real length of the run (`--duration`), when known. */
  durationMs?: number;
  /** Simulated length of the scenario (a drill's script), when it has one. */
  scenarioMs?: number;
}

/** The simulated clock of a run (see {@link simulatedClock}). */
export interface SimClock {
  /** Simulated instant the run starts at (epoch ms). */
  readonly start: number;
  /** The simulated now at real instant `realNow`: never later than `realNow` itself. */
  at(realNow: number): number;
}

/**
 * The simulated clock never runs ahead of the wall clock, so nothing the simulator sends is
 * dated in the future (the server refuses such times). At speed N > 1 the run plays a window
 * that ends at the present: of N × `durationMs` simulated time when the run's length is
 * given, else of the scenario's length (a drill's script), else of
 * {@link DEFAULT_FAST_WINDOW_MS}; it starts that window's length × (N − 1)/N before the real
 * start, so the accelerated clock meets the wall clock just as the window is played, and
 * from then on runs with the wall clock (1×). An explicit `start` is kept, and the clock
 * still stops at the wall clock.
 */
export function simulatedClock(o: ClockOptions): SimClock {
  const windowMs = o.durationMs !== undefined ? o.durationMs * o.speed : (o.scenarioMs ?? DEFAULT_FAST_WINDOW_MS);
  const start = o.start ?? (o.speed > 1 ? o.realStart - Math.ceil((windowMs * (o.speed - 1)) / o.speed) : o.realStart);
  return { start, at: (realNow) => Math.min(start + (realNow - o.realStart) * o.speed, realNow) };
}
