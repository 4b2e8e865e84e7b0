import { hash01 } from '../simulator/rng.js';

/**
 * Smooth deterministic noise in [0, 1) over time: random knots every `periodMs`, eased
 * between. A pure function of (key, time), so a reading at any instant can be produced
 * without state, and back-filled history matches what is sent live.
 */
export function smoothNoise(key: string, ms: number, periodMs: number): number {
  const x = ms / periodMs;
  const k = Math.floor(x);
  const f = x - k;
  const eased = f * f * (3 - 2 * f);
  const a = hash01(key, k);
  const b = hash01(key, k + 1);
  return a + (b - a) * eased;
}

/** Two octaves of {@link smoothNoise}, still in [0, 1). */
export function fractalNoise(key: string, ms: number, periodMs: number): number {
  return 0.7 * smoothNoise(key, ms, periodMs) + 0.3 * smoothNoise(`${key}/2`, ms, periodMs / 3);
}
