/** A place a screen's maps show instead of the whole city. */
export interface MapFocus {
  center: [number, number];
  zoom: number;
}

/**
 * Reads `?map=<lon>,<lat>,<zoom>` (e.g. `112.0,21.86,14` for one district's streets): a wall in
 * a district's control room shows its own streets. Anything else — missing, malformed, out of
 * range — is null: the maps show the whole city.
 */
export function parseMapFocus(param: string | null | undefined): MapFocus | null {
  const parts = param?.split(',') ?? [];
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 22)) return null;
  return { center: [lon, lat], zoom };
}
