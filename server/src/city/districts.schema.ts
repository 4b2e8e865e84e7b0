import { z } from 'zod';
import { adcode } from '../../../shared/schemas/common.js';

const position = z.tuple([z.number().gte(-180).lte(180), z.number().gte(-90).lte(90)]);
const linearRing = z
  .array(position)
  .min(4)
  .refine((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], {
    message: 'ring must be closed (first position equals last)',
  });

/** One district of `districts.geojson`: WGS84 boundary, adcode, name and seat. */
export const districtFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    adcode,
    name: z.string().min(1),
    /** Seat of the district government, [lon, lat]. */
    center: position,
  }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(linearRing).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(linearRing).min(1)).min(1) }),
  ]),
});

/** `districts.geojson`: a FeatureCollection of the city's county-level districts. */
export const districtCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(districtFeature).min(1),
});
export type DistrictFeature = z.infer<typeof districtFeature>;
export type DistrictCollection = z.infer<typeof districtCollection>;
