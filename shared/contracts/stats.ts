/**
 * Answers of the statistics endpoints (`GET /api/v1/stats/*`) that seed the screen's trend
 * charts; the charts then add the live stream to the newest hour.
 */

/** Pollutants of the city air trend: 1-hour values, μg/m³. */
export const TREND_POLLUTANTS = ['pm25', 'pm10', 'o3', 'no2'] as const;
export type TrendPollutant = (typeof TREND_POLLUTANTS)[number];

/** Cases of one hour: reported in it, and closed (核查结案) in it. */
export interface CaseTrendHour {
  /** Start of the hour, ISO 8601 UTC. */
  hour: string;
  reported: number;
  closed: number;
}

/** Air readings of one hour: the mean of each pollutant and how many readings carried it. */
export interface AirTrendHour {
  hour: string;
  means: Record<TrendPollutant, number | null>;
  counts: Record<TrendPollutant, number>;
}

/** Hourly buckets, oldest first, the last one being the current (partial) hour. */
export interface HourlyStats<T> {
  /** The instant the buckets were counted up to: live data after it is not in them. */
  asOf: string;
  hours: T[];
}
