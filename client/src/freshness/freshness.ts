import type { LiveTopic } from '../../../shared/contracts/live.js';

/** A source whose freshness is tracked: a live data topic, or one kind of environment station (drill sessions, plan activations and dispatch assignments are desk actions, not data a source sends). */
export type SourceId = Exclude<LiveTopic, 'env' | 'drills' | 'plans' | 'dispatch'> | 'air' | 'water' | 'noise';

/** The topic that carries each source. */
export const SOURCE_TOPIC: Record<SourceId, LiveTopic> = { grid: 'grid', alerts: 'alerts', air: 'env', water: 'env', noise: 'env', economy: 'economy', kpi: 'kpi' };

/**
 * How long each source may stay silent before it is marked stale, in seconds. Cases and
 * readings arrive every few minutes; KPIs are recomputed at least every 30 s; indicators are
 * monthly; alerts are event-driven and may rightly be quiet for a day.
 */
export const DEFAULT_EXPECTED_S: Record<SourceId, number> = {
  grid: 600,
  alerts: 86_400,
  air: 900,
  noise: 900,
  water: 7_200,
  economy: 40 * 86_400,
  kpi: 120,
};

/** Freshness of one source at one instant. */
export interface Freshness {
  state: 'fresh' | 'stale' | 'unknown';
  /** Milliseconds since the source last spoke; null when it never did. */
  ageMs: number | null;
}

/** Whether a source that last spoke at `lastHeard` is stale at `now`, given its expected interval. */
export function freshnessOf(lastHeard: number | null | undefined, expectedMs: number, now: number): Freshness {
  if (lastHeard == null) return { state: 'unknown', ageMs: null };
  const ageMs = Math.max(0, now - lastHeard);
  return { state: ageMs > expectedMs ? 'stale' : 'fresh', ageMs };
}

/**
 * Parses the `expect` query parameter (`air:30,grid:120`, seconds) that overrides expected
 * intervals for one screen; unknown sources and bad numbers are ignored.
 */
export function parseExpectOverrides(param: string | null | undefined): Partial<Record<SourceId, number>> {
  const out: Partial<Record<SourceId, number>> = {};
  for (const part of (param ?? '').split(',')) {
    const [name, value] = part.split(':');
    const seconds = Number(value);
    if (name && name in DEFAULT_EXPECTED_S && Number.isFinite(seconds) && seconds > 0) out[name as SourceId] = seconds;
  }
  return out;
}

/** The largest whole unit of an age, for "数据延迟 5 分钟". */
export function ageParts(ms: number): { n: number; unit: 'second' | 'minute' | 'hour' | 'day' } {
  const s = Math.floor(ms / 1000);
  if (s < 60) return { n: s, unit: 'second' };
  if (s < 3600) return { n: Math.floor(s / 60), unit: 'minute' };
  if (s < 86_400) return { n: Math.floor(s / 3600), unit: 'hour' };
  return { n: Math.floor(s / 86_400), unit: 'day' };
}
