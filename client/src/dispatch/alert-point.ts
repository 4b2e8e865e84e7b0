import type { Alert } from '../../../shared/schemas/alert.js';

/**
 * Where resources are sent for an alert: its first circle's centre, else the mean of its
 * first polygon's corners, else the centre of its first district; null when it names none.
 */
export function alertPoint(alert: Pick<Alert, 'areas' | 'districts'>, districts: readonly { adcode: string; center: { lon: number; lat: number } }[]): { lon: number; lat: number } | null {
  for (const area of alert.areas) {
    const c = area.circles[0];
    if (c) return { lon: c.lon, lat: c.lat };
    const ring = area.polygons[0];
    if (ring) {
      const corners = ring.slice(0, -1);
      return { lon: corners.reduce((s, p) => s + p[0], 0) / corners.length, lat: corners.reduce((s, p) => s + p[1], 0) / corners.length };
    }
  }
  const d = districts.find((x) => alert.districts.includes(x.adcode));
  return d ? d.center : null;
}
