import type { Observation } from '../../../../shared/schemas/observation.js';
import { TREND_POLLUTANTS, type AirTrendHour, type HourlyStats, type TrendPollutant } from '../../../../shared/contracts/stats.js';
import { HourlyWindow, epochHour } from '../../model/aggregates/hourly-window.js';

type PerPollutant = Record<TrendPollutant, number>;
const zeros = (): PerPollutant => ({ pm25: 0, pm10: 0, o3: 0, no2: 0 });

/** Running sums of one hour, so a new reading moves the mean without the old readings. */
interface AirHour {
  sum: PerPollutant;
  n: PerPollutant;
}

/**
 * City means of the trend pollutants per hour: seeded from the server's hourly means and
 * their reading counts, then each live air reading taken after the seed is added to its
 * hour. A station's reading counts once (the latest counted time per station is kept: one
 * entry per station, so memory is bounded by the city's stations).
 */
export class AirTrend {
  private readonly window: HourlyWindow<AirHour>;
  private readonly counted = new Map<string, number>();
  private asOf = Infinity;

  constructor(hours = 24) {
    this.window = new HourlyWindow(hours, () => ({ sum: zeros(), n: zeros() }));
  }

  get seeded(): boolean {
    return this.asOf !== Infinity;
  }

  /** Starts over from the server's hourly means. */
  seed(stats: HourlyStats<AirTrendHour>): void {
    const known = new Map<number, AirHour>();
    for (const h of stats.hours) {
      const slot = { sum: zeros(), n: zeros() };
      for (const p of TREND_POLLUTANTS) {
        slot.n[p] = h.counts[p];
        slot.sum[p] = (h.means[p] ?? 0) * h.counts[p];
      }
      known.set(epochHour(Date.parse(h.hour)), slot);
    }
    this.asOf = Date.parse(stats.asOf);
    this.window.reset(epochHour(this.asOf), known);
    this.counted.clear();
  }

  /** Adds the new air readings after moving the window to `now`; returns whether a mean moved. */
  apply(readings: Iterable<Observation>, now: number): boolean {
    if (!this.seeded) return false;
    let moved = this.window.slideTo(epochHour(now));
    for (const o of readings) {
      if (o.kind !== 'air') continue;
      const at = Date.parse(o.observedAt);
      if (at <= this.asOf || at <= (this.counted.get(o.stationId) ?? -Infinity)) continue;
      const slot = this.window.at(epochHour(at));
      if (!slot) continue;
      this.counted.set(o.stationId, at);
      for (const p of TREND_POLLUTANTS) {
        const v = o.values[p];
        if (typeof v !== 'number' || !Number.isFinite(v)) continue;
        slot.sum[p] += v;
        slot.n[p] += 1;
        moved = true;
      }
    }
    return moved;
  }

  /** Hourly means, oldest first; null where no reading carried the pollutant. */
  hours(): { hour: number; means: Record<TrendPollutant, number | null> }[] {
    return this.window.entries().map(({ hour, slot }) => {
      const means = {} as Record<TrendPollutant, number | null>;
      for (const p of TREND_POLLUTANTS) means[p] = slot.n[p] > 0 ? slot.sum[p] / slot.n[p] : null;
      return { hour, means };
    });
  }
}
