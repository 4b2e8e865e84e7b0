import { z } from 'zod';
import type { Observation } from '../../../../shared/schemas/observation.js';
import { aqiCategory, type AqiCategory } from '../../../../shared/domain/aqi.js';
import { currentReadings } from '../common/readings.js';

export const aqiRankingOptions = z.object({ limit: z.number().int().min(3).max(30).default(10) });
export type AqiRankingOptions = z.infer<typeof aqiRankingOptions>;

/** One station of the ranking, coloured by its HJ 633 category. */
export interface RankedStation {
  stationId: string;
  aqi: number;
  level: AqiCategory['level'];
  color: string;
  primary: string[];
}

/**
 * Air stations by their latest AQI (server-assessed, HJ 633 real-time), worst first, among
 * current readings; ties by station id so the order is stable.
 */
export function rankStations(items: Iterable<Observation>, now: number, limit: number): RankedStation[] {
  return currentReadings(items, 'air', now)
    .filter((o) => typeof o.assessment.aqi === 'number')
    .map((o) => {
      const c = aqiCategory(o.assessment.aqi!);
      return { stationId: o.stationId, aqi: o.assessment.aqi!, level: c.level, color: c.color, primary: o.assessment.primaryPollutants ?? [] };
    })
    .sort((a, b) => b.aqi - a.aqi || a.stationId.localeCompare(b.stationId))
    .slice(0, limit);
}
