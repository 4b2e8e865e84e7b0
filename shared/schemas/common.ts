import { z } from 'zod';

/** ISO 8601 timestamp with an explicit offset (`Z` or `+08:00`). */
export const isoDateTime = z.iso.datetime({ offset: true });

/** A six-digit administrative division code (GB/T 2260), e.g. 441702 for 江城区. */
export const adcode = z.string().regex(/^\d{6}$/, 'must be a six-digit adcode');

/** WGS84 longitude/latitude. */
export const lonLat = z.object({
  lon: z.number().gte(-180).lte(180),
  lat: z.number().gte(-90).lte(90),
});
export type LonLat = z.infer<typeof lonLat>;

/** An identifier given by the sending system; the same value is stored once. */
export const sourceId = z.string().trim().min(1).max(200);

/** Warning levels of the Emergency Response Law; I (red) is the highest. */
export const warningLevel = z.enum(['red', 'orange', 'yellow', 'blue']);
export type WarningLevel = z.infer<typeof warningLevel>;
