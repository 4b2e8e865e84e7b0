import type { WarningLevel } from '../schemas/common.js';
import type { AirYearToDate } from './air-daily.js';

/**
 * 城市运行体征: the vital signs of one district or of the whole city (`scope` = adcode).
 * `id` is `kpi:<scope>` (real data) or `kpi:exercise:<scope>` (a drill's own, from its
 * exercise data only) so clients upsert by it.
 */
export interface VitalSigns {
  id: string;
  scope: string;
  /** 'city' for the whole city, 'district' for one district. */
  level: 'city' | 'district';
  /** True for the drill's vital signs (computed from exercise data only); false for the real ones. */
  exercise: boolean;
  computedAt: string;
  cases: {
    today: number;
    open: number;
    overdue: number;
    closedToday: number;
    /** closed ÷ registered among cases reported in the last 7 days, 0..1; null when none registered. */
    closureRate: number | null;
  };
  alerts: {
    /** Running alerts (active or acknowledged, not cancelled or expired) by level. */
    active: Record<WarningLevel, number>;
    unacknowledged: number;
  };
  air: {
    /** AQI (HJ 633 real-time) of the mean concentrations over the stations' latest readings; null when none. */
    aqi: number | null;
    category: number | null;
    stations: number;
  };
  /** 优良天数比例 and PM2.5 mean, year to date, from the daily reports (日报), against the city pack's targets. */
  airYear: AirYearToDate;
  water: {
    sections: number;
    /** Share of sections whose latest class is III or better, 0..1. */
    classIIIOrBetter: number | null;
  };
  noise: { points: number; exceeding: number };
  economy: {
    /** Headline indicator: GDP cumulative 同比 against target pace. */
    gdpCumulativeYoy: number | null;
    gdpCompletion: number | null;
    gdpOnPace: number | null;
    period: string | null;
  };
}
