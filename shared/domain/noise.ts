import { chinaHour, type Instant } from './time.js';

/** Acoustic functional zones of GB 3096-2008 (声环境功能区). */
export const NOISE_ZONES = ['0', '1', '2', '3', '4a', '4b'] as const;
export type NoiseZone = (typeof NOISE_ZONES)[number];

/** 昼间 06:00–22:00 or 夜间 22:00–06:00, China time. */
export type NoisePeriod = 'day' | 'night';

/** GB 3096-2008 Table 1 equivalent sound level limits, dB(A). */
export const NOISE_LIMITS: Record<NoiseZone, Record<NoisePeriod, number>> = {
  '0': { day: 50, night: 40 },
  '1': { day: 55, night: 45 },
  '2': { day: 60, night: 50 },
  '3': { day: 65, night: 55 },
  '4a': { day: 70, night: 55 },
  '4b': { day: 70, night: 60 },
};

export interface NoiseAssessment {
  period: NoisePeriod;
  /** The limit for the zone and period, dB(A). */
  limit: number;
  /** dB above the limit, to 0.1 dB; 0 when within it. */
  exceedance: number;
  /** True when Leq is above the limit (equal to the limit complies). */
  exceeds: boolean;
}

/** Day (06:00 up to 22:00 China time) or night for an instant. */
export function noisePeriod(at: Instant): NoisePeriod {
  const h = chinaHour(at);
  return h >= 6 && h < 22 ? 'day' : 'night';
}

/** Parses a zone as written in city packs or by integrators: 0–3, '4a', '4A', 'class 2'. Null if unknown. */
export function parseNoiseZone(zone: string | number): NoiseZone | null {
  const s = String(zone)
    .trim()
    .toLowerCase()
    .replace(/^class\s*/, '');
  return (NOISE_ZONES as readonly string[]).includes(s) ? (s as NoiseZone) : null;
}

/** Assesses an equivalent continuous sound level against its zone's limit at that time of day. */
export function assessNoise(leq: number, zone: NoiseZone, at: Instant): NoiseAssessment {
  if (!Number.isFinite(leq)) throw new RangeError(`invalid Leq: ${leq}`);
  const period = noisePeriod(at);
  const limit = NOISE_LIMITS[zone][period];
  const over = Math.round((leq - limit) * 10) / 10;
  return { period, limit, exceedance: Math.max(0, over), exceeds: leq > limit };
}
