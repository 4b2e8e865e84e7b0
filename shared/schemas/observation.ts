import { z } from 'zod';
import { isoDateTime } from './common.js';

const conc = z.number().nonnegative();

/**
 * Air readings: 1-hour concentrations in μg/m³ (CO in mg/m³). Rolling means may be given
 * by the station; where absent the server derives them from stored history.
 */
export const airValues = z
  .object({
    so2: conc,
    no2: conc,
    pm10: conc,
    pm25: conc,
    co: conc,
    o3: conc,
    pm10_24h: conc,
    pm25_24h: conc,
    o3_8h: conc,
    /** 24h means of the gases, for the daily report and the HJ 633—2012 SO2 1h > 800 rule. */
    so2_24h: conc,
    no2_24h: conc,
    co_24h: conc,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one pollutant value is required' });
export type AirValues = z.infer<typeof airValues>;

/** Surface water readings in mg/L (pH unitless). */
export const waterValues = z
  .object({
    ph: z.number().gte(0).lte(14),
    do: conc,
    codmn: conc,
    cod: conc,
    bod5: conc,
    nh3n: conc,
    tp: conc,
    tn: conc,
    temperature: z.number(),
    turbidity: conc,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one water item is required' });
export type WaterValues = z.infer<typeof waterValues>;

/** Equivalent continuous A-weighted sound level, dB(A). */
export const noiseValues = z.object({ leq: z.number().gte(0).lte(200) });
export type NoiseValues = z.infer<typeof noiseValues>;

export const observationInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('air'), stationId: z.string().min(1), observedAt: isoDateTime, values: airValues, exercise: z.boolean().optional() }),
  z.object({ kind: z.literal('water'), stationId: z.string().min(1), observedAt: isoDateTime, values: waterValues, exercise: z.boolean().optional() }),
  z.object({ kind: z.literal('noise'), stationId: z.string().min(1), observedAt: isoDateTime, values: noiseValues, exercise: z.boolean().optional() }),
]);
export type ObservationInput = z.infer<typeof observationInput>;

/** A batch as sent to `POST /api/v1/ingest/observations`. */
export const observationBatch = z.union([z.array(observationInput).min(1).max(10_000), z.object({ observations: z.array(observationInput).min(1).max(10_000) })]);

/** What the server derived from one reading. */
export const observationAssessment = z.object({
  aqi: z.number().int().optional(),
  category: z.number().int().min(1).max(6).optional(),
  primaryPollutants: z.array(z.string()).optional(),
  standard: z.enum(['HJ633-2012', 'HJ633-2026']).optional(),
  /**
   * Moving means the product derived for this assessment (HJ 633—2012 real-time particles:
   * `pm25_24h`, `pm10_24h` over the 24 hours ending with this hour) — never part of `values`.
   */
  means: z.record(z.string(), z.number()).optional(),
  waterClass: z.enum(['I', 'II', 'III', 'IV', 'V', '劣V']).optional(),
  /** Lakes and reservoirs: the TN class, reported beside (never inside) the water class. */
  tnClass: z.enum(['I', 'II', 'III', 'IV', 'V', '劣V']).optional(),
  noiseLimit: z.number().optional(),
  noiseExceedance: z.number().optional(),
  breach: z.boolean(),
});
export type ObservationAssessment = z.infer<typeof observationAssessment>;

/** A stored reading with its assessment, as the live `env` topic carries it. */
export const observation = z.object({
  id: z.string(),
  stationId: z.string(),
  kind: z.enum(['air', 'water', 'noise']),
  district: z.string().nullable(),
  observedAt: isoDateTime,
  values: z.record(z.string(), z.number()),
  assessment: observationAssessment,
  exercise: z.boolean(),
});
export type Observation = z.infer<typeof observation>;
