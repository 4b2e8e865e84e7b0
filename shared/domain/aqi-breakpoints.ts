/**
 * IAQI breakpoint tables of HJ 633 (2012 and 2026 editions), kept as data.
 * Concentrations in μg/m³, CO in mg/m³.
 */

/** The HJ 633 edition an observation is assessed under. */
export type AqiStandard = 'HJ633-2012' | 'HJ633-2026';

/** Concentration columns of the IAQI table. */
export type AqiColumn = 'so2_24h' | 'so2_1h' | 'no2_24h' | 'no2_1h' | 'pm10_24h' | 'co_24h' | 'co_1h' | 'o3_1h' | 'o3_8h' | 'pm25_24h';

/** IAQI values at the band edges; `BREAKPOINTS[std][col][i]` is the concentration at `IAQI_LEVELS[i]`. */
export const IAQI_LEVELS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/**
 * 2026 effective instant: 2026-03-01 00:00 China time. Observations at or after it use
 * HJ 633—2026; earlier ones (including replayed or back-filled data) use HJ 633—2012.
 */
export const HJ633_2026_EFFECTIVE = new Date('2026-03-01T00:00:00+08:00');

/*
 * SO2 1h stops at IAQI 200 and O3 8h at IAQI 300 (the standard gives no higher breakpoints);
 * readings above them follow the substitution rules in aqi.ts.
 */
const COMMON: Record<Exclude<AqiColumn, 'pm10_24h' | 'pm25_24h'>, readonly number[]> = {
  so2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  so2_1h: [0, 150, 500, 650, 800],
  no2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
  no2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  co_24h: [0, 2, 4, 14, 24, 36, 48, 60],
  co_1h: [0, 5, 10, 35, 60, 90, 120, 150],
  o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  o3_8h: [0, 100, 160, 215, 265, 800],
};

/** Breakpoints per edition; the editions differ only at IAQI 100 for PM10 and PM2.5. */
export const BREAKPOINTS: Record<AqiStandard, Record<AqiColumn, readonly number[]>> = {
  'HJ633-2012': {
    ...COMMON,
    pm10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
    pm25_24h: [0, 35, 75, 115, 150, 250, 350, 500],
  },
  'HJ633-2026': {
    ...COMMON,
    pm10_24h: [0, 50, 120, 250, 350, 420, 500, 600],
    pm25_24h: [0, 35, 60, 115, 150, 250, 350, 500],
  },
};

/** AQI categories (空气质量指数类别), indexed by level − 1. */
export const AQI_CATEGORIES = [
  { level: 1, max: 50, nameZh: '优', nameEn: 'Excellent', gradeZh: '一级', color: '#00E400' },
  { level: 2, max: 100, nameZh: '良', nameEn: 'Good', gradeZh: '二级', color: '#FFFF00' },
  { level: 3, max: 150, nameZh: '轻度污染', nameEn: 'Lightly polluted', gradeZh: '三级', color: '#FF7E00' },
  { level: 4, max: 200, nameZh: '中度污染', nameEn: 'Moderately polluted', gradeZh: '四级', color: '#FF0000' },
  { level: 5, max: 300, nameZh: '重度污染', nameEn: 'Heavily polluted', gradeZh: '五级', color: '#99004C' },
  { level: 6, max: Infinity, nameZh: '严重污染', nameEn: 'Severely polluted', gradeZh: '六级', color: '#7E0023' },
] as const;
