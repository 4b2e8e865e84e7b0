import type { CaseStatus } from '../../../shared/domain/lifecycle.js';
import type { WaterClass } from '../../../shared/domain/water.js';
import type { ResourceType } from '../../../shared/schemas/city-pack.js';

/**
 * Colours of the map, tuned for the dark command-hall theme. AQI categories and warning
 * levels are not here: they come from shared/domain (aqi.ts, warning.ts), one palette for the
 * whole product.
 */
export const BASEMAP = { sea: '#04101f', land: '#0d2138', coast: '#2a5f8f', districtLine: '#3fd0ff' } as const;

/**
 * Case lifecycle: blues while the case waits at the centre, ambers while a department works
 * it, violet at feedback, greens once closed, grey when rejected. Overdue is drawn as a red ring
 * on top of the status colour.
 */
export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  reported: '#5ec8ff',
  registered: '#2f8fff',
  dispatched: '#ffc233',
  in_progress: '#ff9a1f',
  feedback: '#c084fc',
  closed: '#3ddc84',
  evaluated: '#1f9d5a',
  rejected: '#7b8ba3',
};

/** The ring of an overdue case and of a cluster holding one. */
export const OVERDUE_COLOR = '#ff2d2d';

/** A cluster of cases (its count is written on it). */
export const CLUSTER_COLOR = '#1d6fd1';

/**
 * GB 3838 surface water classes as environmental bulletins draw them: blues for I–II, green
 * for III (the 达标 threshold), yellow, orange and red for IV, V and 劣V.
 */
export const WATER_CLASS_COLORS: Record<WaterClass, string> = {
  I: '#1e90ff',
  II: '#38bdf8',
  III: '#22c55e',
  IV: '#facc15',
  V: '#f97316',
  劣V: '#ef4444',
};

/** A station with no reading yet (or none in drill mode). */
export const NO_DATA_COLOR = '#5a6b82';

export const RESOURCE_COLORS: Record<ResourceType, string> = {
  rescue_team: '#ff7a45',
  warehouse: '#ffd666',
  shelter: '#36cfc9',
  medical: '#ff85c0',
  fire_station: '#ff4d4f',
};

export const CAMERA_COLOR = '#9fb7d9';

/** The ring around a resource with something committed (a team out, stock issued, a shelter open). */
export const COMMITTED_COLOR = '#f5f5f5';

/** Sequential ramp for counts (dark blue to warm yellow, so more is louder and tells apart over dark land) and the overdue ramp. */
export const COUNT_RAMP = ['#24507f', '#2b7fb8', '#22a39f', '#8cc152', '#f6d04d'] as const;
export const OVERDUE_RAMP = ['#27364f', '#6e2433', '#a8263a', '#dd2d3c', '#ff6161'] as const;
/** Closure rate: low is bad (red) and high is good (green). */
export const RATE_RAMP = ['#d9363e', '#f08a24', '#e8c52a', '#2fbf71'] as const;

/**
 * Growth against the economy's targets: cool blues to green as growth rises, a muted violet
 * below zero. Never red: a district growing slower than its neighbours is not an emergency.
 */
export const GROWTH_RAMP = ['#6b5b95', '#24507f', '#2b7fb8', '#22a39f', '#8cc152'] as const;

/** Dark text on light fills and light text on dark ones, for numbers drawn on a coloured dot. */
export function inkOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  const luma = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return luma > 150 ? '#08121f' : '#ffffff';
}
