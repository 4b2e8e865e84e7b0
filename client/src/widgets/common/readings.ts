import type { Observation } from '../../../../shared/schemas/observation.js';

/**
 * A station's latest reading counts as current for 3 hours, the same rule as the vital
 * signs (docs/API.md), so a chart and the KPI card beside it agree.
 */
export const READING_MAX_AGE_MS = 3 * 3_600_000;

/** The current readings of one kind among a partition's latest reading per station. */
export function currentReadings(items: Iterable<Observation>, kind: Observation['kind'], now: number): Observation[] {
  const out: Observation[] = [];
  for (const o of items) if (o.kind === kind && now - Date.parse(o.observedAt) <= READING_MAX_AGE_MS) out.push(o);
  return out;
}
